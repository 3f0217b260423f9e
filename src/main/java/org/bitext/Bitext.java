package org.bitext;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bitext.diag.BuildFailure;
import org.bitext.diag.Diagnostic;
import org.bitext.diag.Diagnostics;
import org.bitext.diag.Position;
import org.bitext.diag.Timings;
import org.bitext.edition.Annotator;
import org.bitext.edition.Edition;
import org.bitext.editorial.EditionMeta;
import org.bitext.editorial.EditorialLayer;
import org.bitext.editorial.EditorialReader;
import org.bitext.input.SourceFile;
import org.bitext.input.SourceFiles;
import org.bitext.render.Templates;
import org.bitext.output.CheckSink;
import org.bitext.output.MemorySink;
import org.bitext.output.OutputFolder;
import org.bitext.output.Publisher;
import org.bitext.output.StaticFiles;
import org.bitext.text.Texts;
import org.bitext.transcript.Transcript;
import org.bitext.transcript.TranscriptReader;

/**
 * The build pipeline: read the transcript and the editorial layer, annotate, render, check links,
 * publish. Each stage reports into one {@link Diagnostics}, so a run shows every error at once.
 */
public final class Bitext {
    public static final String TRANSCRIPT = "transcript.md";
    public static final String EDITION = "edition.yaml";

    /**
     * What a build was asked to do. {@code staticFolder}: files published as they are (null: none);
     * {@code force}: replace an output folder Bitext did not make; {@code baseUrl}, when not null,
     * overrides edition.base_url (checked and ending in '/').
     */
    public record Options(Path content, Path templates, Path out, boolean strict, Path staticFolder, boolean force,
            String baseUrl) {
        /** With {@code static/} beside the content folder, not forced. */
        public Options(Path content, Path templates, Path out, boolean strict) {
            this(content, templates, out, strict, StaticFiles.besideContent(content), false);
        }

        public Options(Path content, Path templates, Path out, boolean strict, Path staticFolder, boolean force) {
            this(content, templates, out, strict, staticFolder, force, null);
        }
    }

    /**
     * A successful build: the edition, the number of files of the site and, from {@link #render} only,
     * the files themselves (null when they were written to the output folder).
     */
    public record Result(Edition edition, int fileCount, Map<String, byte[]> files, Diagnostics diagnostics) {
    }

    private Bitext() {
    }

    /** Reads and annotates the content; throws with every error found. */
    public static Edition load(Path content, boolean strict, Diagnostics diags) throws BuildFailure {
        return load(content, strict, diags, Incremental.NONE);
    }

    /** The same, reusing what {@code session} kept of the transcript when its bytes are the same. */
    public static Edition load(Path content, boolean strict, Diagnostics diags, Incremental session) throws BuildFailure {
        String folderProblem = SourceFiles.folderProblem(content, "content folder");
        if (folderProblem != null) {
            diags.error(Position.of(content.toString()), folderProblem,
                    "pass --content DIR, or run from the folder that holds content/");
            throw new BuildFailure(diags);
        }
        Path transcriptFile = content.resolve(TRANSCRIPT);
        Path editionFile = content.resolve(EDITION);
        SourceFile.Text transcriptSource = read(transcriptFile, diags);
        SourceFile.Text yamlSource = read(editionFile, diags);
        Timings.mark("read the inputs");
        Incremental.Loaded again = transcriptSource == null || yamlSource == null ? null
                : session.loaded(transcriptSource.bytes(), yamlSource.bytes(), strict);
        if (again != null) {
            again.warnings().forEach(diags::add); // the same files give the same edition, and the same warnings
            return again.edition();
        }
        int reported = diags.all().size();
        EditorialLayer layer = yamlSource == null ? null
                : new EditorialReader().read(editionFile.toString(), yamlSource.text(), diags);
        Timings.mark("read edition.yaml");
        Transcript transcript = null;
        if (transcriptSource != null) {
            byte[] transcriptBytes = transcriptSource.bytes();
            String end = layer != null && layer.edition() != null ? layer.edition().endBefore() : null;
            Position endAt = layer != null && layer.edition() != null ? layer.edition().endBeforePosition() : null;
            transcript = session.transcript(transcriptBytes, end, endAt);
            if (transcript == null) {
                int before = diags.all().size();
                Transcript read = new TranscriptReader().read(transcriptFile.toString(), transcriptSource.text(), end, endAt, diags);
                transcript = new Transcript(read.file(), read.meta(), read.sections(), Texts.sha256(transcriptBytes));
                if (diags.all().size() == before) { // one with messages is read again, to give them again
                    session.keepTranscript(transcriptBytes, end, endAt, transcript);
                }
            }
        }
        Timings.mark("read the transcript");
        if (transcript == null || layer == null || layer.edition() == null || layer.edition().title() == null
                || transcript.sections().stream().allMatch(s -> s.paragraphs().isEmpty())) {
            // without paragraphs every quote would also fail to match: report the cause only
            throw new BuildFailure(diags);
        }
        Edition edition = new Annotator(transcript, layer, strict, diags).annotate();
        Timings.mark("annotate");
        if (diags.hasErrors()) {
            throw new BuildFailure(diags);
        }
        List<Diagnostic> warnings = diags.all();
        session.keepLoaded(transcriptSource.bytes(), yamlSource.bytes(), strict,
                new Incremental.Loaded(edition, warnings.subList(reported, warnings.size())));
        return edition;
    }

    /** A content file's text, registered for messages to quote; null (with the reason reported) when it cannot be used. */
    public static SourceFile.Text read(Path file, Diagnostics diags) {
        SourceFile source = SourceFiles.read(file);
        if (source instanceof SourceFile.Refused refused) {
            if (refused.shown() != null) {
                diags.addSource(file.toString(), refused.shown());
            }
            diags.error(new Position(file.toString(), refused.line(), refused.column()), refused.message(), refused.hint());
            return null;
        }
        SourceFile.Text text = (SourceFile.Text) source;
        diags.addSource(file.toString(), text.text());
        return text;
    }

    /** Loads, renders and checks the whole site in memory, and returns it (tests: small editions). */
    public static Result render(Options options, Diagnostics diags) throws BuildFailure, IOException {
        Edition edition = withBaseUrl(load(options.content(), options.strict(), diags), options.baseUrl());
        MemorySink sink = new MemorySink();
        int count = new SiteRenderer(new Templates(options.templates()), options.staticFolder(), diags)
                .render(edition, sink, null);
        if (diags.hasErrors()) {
            throw new BuildFailure(diags);
        }
        return new Result(edition, count, sink.files(), diags);
    }

    /**
     * Everything a build does except keeping the site: loads, renders and checks every file and link,
     * holding no more of the site in memory than a build does. Writes nothing to the output folder.
     */
    public static Result check(Options options, Diagnostics diags) throws BuildFailure, IOException {
        Templates templates = Templates.prepare(options.templates());
        Edition edition = withBaseUrl(load(options.content(), options.strict(), diags), options.baseUrl());
        try (CheckSink sink = new CheckSink()) {
            int count = new SiteRenderer(templates, options.staticFolder(), diags).render(edition, sink, null);
            if (diags.hasErrors()) {
                throw new BuildFailure(diags);
            }
            return new Result(edition, count, null, diags);
        }
    }

    /** Renders, checks and, only if all is well, replaces the output folder. */
    public static Result build(Options options, Diagnostics diags) throws BuildFailure, IOException {
        return build(options, diags, Incremental.NONE);
    }

    /**
     * Renders each file straight into a staging folder beside the output folder, checks the links and,
     * only if all is well, swaps the staging folder in; on any error the output folder is left as it
     * was. {@code session} carries what may be reused from earlier builds ({@code serve} keeps one).
     */
    public static Result build(Options options, Diagnostics diags, Incremental session) throws BuildFailure, IOException {
        Path out = OutputFolder.check(options.out(), options.content(), options.templates(), options.staticFolder(),
                options.force());
        Publisher.repair(out);
        session.begin();
        Templates templates = session.templates(options.templates());
        templates.readAhead(diags);
        Edition edition;
        try {
            edition = withBaseUrl(load(options.content(), options.strict(), diags, session), options.baseUrl());
        } catch (BuildFailure e) {
            templates.read(diags); // its messages too, in this run (and none after it)
            throw e;
        }
        SiteRenderer renderer = new SiteRenderer(templates, options.staticFolder(), diags, session.markdown(), session);
        return publish(options, out, diags, edition, renderer, publisher -> session.publish(publisher, out));
    }

    /** The edition as published at {@code baseUrl} (already checked and ending in '/'), when one is given. */
    private static Edition withBaseUrl(Edition e, String baseUrl) {
        if (baseUrl == null) {
            return e;
        }
        EditionMeta m = e.meta();
        return new Edition(new EditionMeta(m.title(), baseUrl, m.description(), m.endBefore(), m.endBeforePosition(),
                m.introduction(), m.editors(), m.published(), m.recording(), m.position()), e.source(), e.sourceSha256(),
                e.speakers(), e.sections(), e.notes(), e.glossary(), e.topics(), e.revisions());
    }

    /** How the staging folder of a good build takes the output folder's place. */
    private interface Swap {
        void swap(Publisher publisher) throws IOException;
    }

    private static Result publish(Options options, Path out, Diagnostics diags, Edition edition, SiteRenderer renderer,
            Swap swap) throws BuildFailure, IOException {
        try (Publisher publisher = Publisher.open(out, options.force())) {
            int count = renderer.render(edition, publisher, out);
            if (diags.hasErrors()) {
                throw new BuildFailure(diags);
            }
            swap.swap(publisher);
            if (publisher.leftOver() != null) {
                diags.warning(Position.of(out.toString()), publisher.leftOver());
            }
            Timings.mark("publish");
            return new Result(edition, count, null, diags);
        }
    }
}
