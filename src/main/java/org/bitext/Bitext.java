package org.bitext;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bitext.diag.BuildFailure;
import org.bitext.diag.Diagnostics;
import org.bitext.diag.Position;
import org.bitext.diag.Timings;
import org.bitext.edition.Annotator;
import org.bitext.edition.Edition;
import org.bitext.editorial.EditorialLayer;
import org.bitext.editorial.EditorialReader;
import org.bitext.site.BuildSession;
import org.bitext.output.CheckSink;
import org.bitext.output.FileBytes;
import org.bitext.output.MemorySink;
import org.bitext.output.OutputFolder;
import org.bitext.output.Publisher;
import org.bitext.output.StaticFiles;
import org.bitext.site.SiteRenderer;
import org.bitext.text.Texts;
import org.bitext.transcript.Transcript;
import org.bitext.transcript.TranscriptReader;

/**
 * The build pipeline: read the transcript and the editorial layer, annotate, render, check links,
 * publish. Each stage reports into one {@link Diagnostics}, so a run shows every error at once.
 */
public final class Bitext {
    /** Files larger than this are refused with a clear message rather than read. */
    public static final long MAX_INPUT_BYTES = 64L * 1024 * 1024;
    public static final String TRANSCRIPT = "transcript.md";
    public static final String EDITION = "edition.yaml";

    /**
     * What a build was asked to do. {@code staticFolder}: files published as they are (null: none);
     * {@code force}: replace an output folder Bitext did not make.
     */
    public record Options(Path content, Path templates, Path out, boolean strict, Path staticFolder, boolean force) {
        /** With {@code static/} beside the content folder, not forced. */
        public Options(Path content, Path templates, Path out, boolean strict) {
            this(content, templates, out, strict, StaticFiles.besideContent(content), false);
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
        return load(content, strict, diags, null);
    }

    /** The same, reusing what {@code session} (may be null) kept of the transcript when its bytes are the same. */
    public static Edition load(Path content, boolean strict, Diagnostics diags, BuildSession session) throws BuildFailure {
        if (!Files.isDirectory(content)) {
            diags.error(Position.of(content.toString()), "content folder does not exist: " + content,
                    "pass --content DIR, or run from the folder that holds content/");
            throw new BuildFailure(diags);
        }
        Path transcriptFile = content.resolve(TRANSCRIPT);
        Path editionFile = content.resolve(EDITION);
        byte[] transcriptBytes = readBytes(transcriptFile, diags);
        String transcriptText = decode(transcriptFile, transcriptBytes, diags);
        byte[] yamlBytes = readBytes(editionFile, diags);
        String yamlText = decode(editionFile, yamlBytes, diags);
        if (transcriptText != null) {
            diags.addSourceUtf8(transcriptFile.toString(), transcriptBytes);
        }
        if (yamlText != null) {
            diags.addSourceUtf8(editionFile.toString(), yamlBytes);
        }
        yamlBytes = null;
        Timings.mark("read the inputs");
        EditorialLayer layer = yamlText == null ? null : new EditorialReader().read(editionFile.toString(), yamlText, diags);
        Timings.mark("read edition.yaml");
        // This method runs once, in the interpreter, which keeps what a local holds until the method
        // returns: let the texts go before the annotator runs (a 66 MB edition.yaml is ~100 MB as a String).
        yamlText = null;
        Transcript transcript = null;
        if (transcriptText != null) {
            String end = layer != null && layer.edition() != null ? layer.edition().endBefore() : null;
            Position endAt = layer != null && layer.edition() != null ? layer.edition().endBeforePosition() : null;
            transcript = session == null ? null : session.transcript(transcriptBytes, end, endAt);
            if (transcript == null) {
                int before = diags.all().size();
                Transcript read = new TranscriptReader().read(transcriptFile.toString(), transcriptText, end, endAt, diags);
                transcript = new Transcript(read.file(), read.meta(), read.sections(), Texts.sha256(transcriptBytes));
                if (session != null && diags.all().size() == before) { // one with messages is read again, to give them again
                    session.keepTranscript(transcriptBytes, end, endAt, transcript);
                }
            }
        }
        transcriptText = null;
        transcriptBytes = null;
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
        return edition;
    }

    /** Loads, renders and checks the whole site in memory, and returns it (tests: small editions). */
    public static Result render(Options options, Diagnostics diags) throws BuildFailure, IOException {
        Edition edition = load(options.content(), options.strict(), diags);
        MemorySink sink = new MemorySink();
        int count = new SiteRenderer(options.templates(), options.staticFolder(), diags, BuildSession.once())
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
        BuildSession session = BuildSession.once(options.templates());
        Edition edition = load(options.content(), options.strict(), diags);
        try (CheckSink sink = new CheckSink()) {
            int count = new SiteRenderer(options.templates(), options.staticFolder(), diags, session).render(edition, sink, null);
            if (diags.hasErrors()) {
                throw new BuildFailure(diags);
            }
            return new Result(edition, count, null, diags);
        }
    }

    /** Renders, checks and, only if all is well, replaces the output folder. */
    public static Result build(Options options, Diagnostics diags) throws BuildFailure, IOException {
        return build(options, diags, BuildSession.once(options.templates()));
    }

    /**
     * Renders each file straight into a staging folder beside the output folder, checks the links and,
     * only if all is well, swaps the staging folder in; on any error the output folder is left as it
     * was. {@code session} carries what may be reused from the session's previous builds.
     */
    public static Result build(Options options, Diagnostics diags, BuildSession session) throws BuildFailure, IOException {
        Path out = OutputFolder.check(options.out(), options.content(), options.templates(), options.staticFolder(),
                options.force());
        Publisher.repair(out);
        session.begin();
        Edition edition = load(options.content(), options.strict(), diags, session);
        try (Publisher publisher = Publisher.open(out, options.force())) {
            SiteRenderer renderer = new SiteRenderer(options.templates(), options.staticFolder(), diags, session);
            int count = renderer.render(edition, publisher, out);
            if (diags.hasErrors()) {
                throw new BuildFailure(diags);
            }
            session.publish(publisher, out);
            if (publisher.leftOver() != null) {
                diags.warning(Position.of(out.toString()), publisher.leftOver());
            }
            Timings.mark("publish");
            return new Result(edition, count, null, diags);
        }
    }

    private static byte[] readBytes(Path file, Diagnostics diags) {
        try {
            if (!Files.isRegularFile(file)) {
                diags.error(Position.of(file.toString()), "file not found: " + file);
                return null;
            }
            long size = Files.size(file);
            if (size > MAX_INPUT_BYTES) {
                diags.error(Position.of(file.toString()), String.format(java.util.Locale.ROOT,
                        "%s is %.1f MB; the limit is %d MB, so it was not read", file.getFileName(), size / 1048576.0,
                        MAX_INPUT_BYTES / 1048576), "is this the right file?");
                return null;
            }
            return FileBytes.read(file, size);
        } catch (IOException e) {
            diags.error(Position.of(file.toString()), "cannot read " + file + ": " + e.getMessage());
            return null;
        }
    }

    /** Strict UTF-8 (a byte-order mark is allowed and dropped); bad bytes are an error with their place. */
    static String decode(Path file, byte[] bytes, Diagnostics diags) {
        if (bytes == null) {
            return null;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (MalformedInputException e) {
            int bad = findBadByte(bytes);
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
            // shown with U+FFFD for the bad bytes, so the message can still quote the line
            diags.addSource(file.toString(), new String(bytes, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", ""));
            diags.error(new Position(file.toString(), line, column), String.format(java.util.Locale.ROOT,
                    "%s is not valid UTF-8 (byte 0x%02X at offset %d)", file.getFileName(), bytes[bad] & 0xff, bad),
                    "save the file as UTF-8");
            return null;
        } catch (CharacterCodingException e) {
            diags.error(Position.of(file.toString()), file.getFileName() + " is not valid UTF-8");
            return null;
        }
    }

    private static int findBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : 0;
    }
}
