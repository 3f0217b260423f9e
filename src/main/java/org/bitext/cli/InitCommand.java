package org.bitext.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bitext.Bitext;
import org.bitext.diag.Diagnostics;
import org.bitext.diag.Position;
import org.bitext.input.SourceFile;
import org.bitext.transcript.Paragraph;
import org.bitext.transcript.Transcript;
import org.bitext.transcript.TranscriptReader;

/**
 * {@code bitext init [DIR] --transcript FILE}: a new edition from a transcript. Reads the transcript with
 * the build's own reader, so the skeleton's labels, headings and paragraphs are the ones a build sees.
 * Writes nothing unless every file it would make is new.
 */
final class InitCommand {
    static final String USAGE = """
            Usage: bitext init [-h] [DIR] --transcript=FILE
            Make a new edition in DIR (default: this folder) from a transcript: content/transcript.md
            (the file as given), a content/edition.yaml to fill in, its JSON Schema, a README, a
            .gitignore, a GitHub Pages workflow and a copy of bitext.jar for it. Never overwrites a
            file.
                  --transcript=FILE the transcript as published (Markdown, UTF-8)
              -h, --help            Show this help message and exit.
            """;

    private InitCommand() {
    }

    static int run(StartCommands.Args args, PrintWriter out, PrintWriter err) throws IOException {
        String given = args.values().get("--transcript");
        if (given == null) {
            err.println("Missing option '--transcript' (the transcript to start from)");
            err.print(USAGE);
            return 2;
        }
        Path source = StartCommands.path("--transcript", given, err, USAGE);
        Path dir = source == null ? null : StartCommands.path("DIR", args.positional().isEmpty() ? "." : args.positional().get(0), err, USAGE);
        if (dir == null) {
            return 2;
        }

        Diagnostics diags = new Diagnostics();
        String file = source.toString();
        SourceFile.Text read = Bitext.read(source, diags);
        Transcript transcript = null;
        String endBefore = null;
        if (read != null) {
            TranscriptReader reader = new TranscriptReader();
            transcript = reader.read(file, read.text(), null, null, diags);
            if (!diags.hasErrors()) {
                endBefore = Skeleton.promoHeading(transcript);
                if (endBefore != null) {
                    transcript = reader.read(file, read.text(), endBefore, null, new Diagnostics());
                }
                for (Paragraph p : Skeleton.blankLabels(transcript)) {
                    diags.error(p.labelPosition(), "this speaker label is blank, so no speaker can be given it",
                            "write the speaker's name between ** and the colon");
                }
                if (Skeleton.labels(transcript).isEmpty()) {
                    diags.error(Position.of(file), "no speaker label found in the transcript",
                            "a turn starts with a bold label ending in a colon, such as **主持人：**");
                }
            }
        }
        if (diags.hasErrors()) {
            Reporter.print(diags, err);
            return 1;
        }

        Path content = dir.resolve("content");
        Path transcriptTarget = content.resolve(Bitext.TRANSCRIPT);
        Skeleton.Made made = Skeleton.make(transcript, endBefore, source.getFileName().toString().replaceFirst("\\.[^.]*$", ""));
        Map<Path, byte[]> files = new LinkedHashMap<>();
        if (!Files.exists(transcriptTarget) || !Files.isSameFile(transcriptTarget, source)) { // it may be the very file already in place
            files.put(transcriptTarget, read.bytes());
        }
        files.put(content.resolve(Bitext.EDITION), made.yaml().getBytes(StandardCharsets.UTF_8));
        files.put(content.resolve(Skeleton.SCHEMA_FILE), resource("/org/bitext/edition.schema.json"));
        files.put(dir.resolve(".gitignore"), resource("/org/bitext/init/gitignore"));
        files.put(dir.resolve(".github/workflows/pages.yml"), resource("/org/bitext/init/pages.yml"));
        files.put(dir.resolve("README.md"), new String(resource("/org/bitext/init/README.md"), StandardCharsets.UTF_8)
                .replace("{{title}}", made.title()).getBytes(StandardCharsets.UTF_8));

        List<Path> existing = StartCommands.writeAllNew(files);
        if (!existing.isEmpty()) {
            return StartCommands.refuseExisting(existing, "init", "choose another folder (bitext init DIR --transcript FILE)", err);
        }
        boolean jar = copyOwnJar(dir.resolve("bitext.jar"));

        out.println("Made a new edition in " + dir + ": " + Reporter.count(made.speakers(), "speaker") + ", "
                + Reporter.count(made.sections(), "section") + ", " + Reporter.count(made.turns(), "turn") + " to translate"
                + (endBefore == null ? "" : "; the interview ends before the heading \"" + endBefore + "\""));
        if (made.unquotable() > 0) {
            out.println(Reporter.count(made.unquotable(), "paragraph") + " could not be given an entry (see the comments in "
                    + content.resolve(Bitext.EDITION) + ")");
        }
        out.println("Next: write the English in " + content.resolve(Bitext.EDITION) + " where it says TODO, and preview it with");
        out.println("  java -jar " + (jar ? "bitext.jar" : "PATH/TO/bitext.jar") + " serve"
                + (dir.equals(Path.of(".")) ? "" : " (in " + dir + ")"));
        if (!jar) {
            out.println("To publish on GitHub Pages, put bitext.jar at the top of " + dir + " and commit it (see README.md).");
        }
        return 0;
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = InitCommand.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("resource missing from the jar: " + name);
            }
            return in.readAllBytes();
        }
    }

    /** Copies the jar this runs from to {@code target}, when it runs from a jar and target is free. */
    private static boolean copyOwnJar(Path target) {
        try {
            CodeSource src = InitCommand.class.getProtectionDomain().getCodeSource();
            if (src == null) {
                return false;
            }
            Path jar = Path.of(src.getLocation().toURI());
            if (!Files.isRegularFile(jar) || !jar.getFileName().toString().endsWith(".jar")) {
                return false;
            }
            if (Files.exists(target)) {
                return true; // the folder has a jar already: it is theirs to keep
            }
            Files.copy(jar, target);
            return true;
        } catch (IOException | URISyntaxException | SecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
