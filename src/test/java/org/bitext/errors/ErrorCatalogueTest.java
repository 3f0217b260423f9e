package org.bitext.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bitext.input.Limits;
import org.bitext.TestSupport;
import org.bitext.output.OutputFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue of bad inputs under {@code src/test/resources/errors/<case>/}: each case is a content
 * folder (transcript.md, edition.yaml, optionally a templates/ folder whose files replace the real
 * templates' files of that name, and a case.properties with {@code content=} a sub-folder to point
 * at instead) and {@code expected.txt}, the exact {@code file:line:column: message} lines the build
 * must print, with paths relative to the case folder.
 *
 * <p>Every case is built by the CLI into an output folder that already holds a site; the build must
 * fail with exit code 1, print exactly those diagnostics (all of them in one run), each followed by
 * its source line and a caret, print no stack trace, and leave the output folder as it was. A case whose
 * expected.txt also lists hint lines ({@code     = …}, under their diagnostic) must print exactly those hints.
 */
class ErrorCatalogueTest {
    static final Path CATALOGUE = Path.of("src/test/resources/errors");
    private static final Pattern HEADER = Pattern.compile("^(\\S.*?):(\\d+):(\\d+): (.+)$");
    private static final Pattern SOURCE = Pattern.compile("^ {4}(\\d+) \\| .*$");
    private static final Pattern CARET = Pattern.compile("^ {4} +\\| [ \\t]*\\^$");
    private static final Pattern HINT = Pattern.compile("^ {4}= .+$");
    private static final Pattern SUMMARY = Pattern.compile("^bitext: (\\d+) errors?; nothing was written$");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> list = Files.list(CATALOGUE)) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @Test
    void theCatalogueHasAtLeastThirtyCasesEachWithExpectedMessages() throws IOException {
        List<String> all = cases().toList();
        assertTrue(all.size() >= 30, "only " + all.size() + " cases");
        for (String c : all) {
            assertTrue(Files.isRegularFile(CATALOGUE.resolve(c).resolve("expected.txt")), c + " has no expected.txt");
            assertFalse(expected(c).isEmpty(), c + ": expected.txt lists no diagnostic");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputFailsWithExactlyTheExpectedDiagnosticsAndWritesNothing(String name, @TempDir Path tmp) throws IOException {
        Path caseDir = CATALOGUE.resolve(name).toAbsolutePath();
        Properties props = new Properties();
        Path propsFile = caseDir.resolve("case.properties");
        if (Files.exists(propsFile)) {
            try (InputStream in = Files.newInputStream(propsFile)) {
                props.load(in);
            }
        }
        Path content = caseDir.resolve(props.getProperty("content", "."));
        Path templates = templatesFor(caseDir, tmp.resolve("templates"));
        Path out = previousSite(tmp.resolve("site"));
        Map<String, byte[]> before = TestSupport.readTree(out);

        TestSupport.Run run = TestSupport.cli("build", "--content", content.normalize().toString(),
                "--templates", templates.toString(), "--out", out.toString());

        String err = run.err().replace(caseDir + java.io.File.separator, "").replace(templates + java.io.File.separator, "templates/");
        String report = "\n--- stderr of " + name + " ---\n" + err;
        assertEquals(1, run.code(), "exit code" + report);
        assertNoStackTrace(run.out() + run.err(), report);

        List<String> lines = Arrays.asList(err.split("\\R"));
        List<String> headers = new ArrayList<>();
        List<String> withHints = new ArrayList<>();
        int errors = 0;
        int summaries = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher h = HEADER.matcher(line);
            if (SUMMARY.matcher(line).matches()) {
                Matcher s = SUMMARY.matcher(line);
                s.matches();
                assertEquals(errors, Integer.parseInt(s.group(1)), "error count in the summary" + report);
                summaries++;
            } else if (h.matches() && !line.startsWith("bitext:")) {
                headers.add(line);
                withHints.add(line);
                if (!h.group(4).startsWith("warning: ")) {
                    errors++;
                }
                if (hasReadableSource(caseDir, templates, h.group(1))) {
                    assertTrue(i + 2 < lines.size(), "no source line after: " + line + report);
                    Matcher src = SOURCE.matcher(lines.get(i + 1));
                    assertTrue(src.matches(), "not followed by its source line: " + line + report);
                    assertEquals(h.group(2), src.group(1), "source line number for: " + line + report);
                    assertTrue(CARET.matcher(lines.get(i + 2)).matches(), "no caret under: " + line + report);
                    i += 2;
                }
            } else if (HINT.matcher(line).matches()) {
                withHints.add(line);
            } else if (!line.isEmpty()) {
                fail("unexpected line " + (i + 1) + ": '" + line + "'" + report);
            }
        }
        assertEquals(1, summaries, "one summary line" + report);
        List<String> expected = expected(name);
        boolean hints = expected.stream().anyMatch(l -> HINT.matcher(l).matches());
        assertEquals(String.join("\n", expected), String.join("\n", hints ? withHints : headers), "diagnostics" + report);

        assertTreeEquals(before, TestSupport.readTree(out), "the output folder changed in " + name);
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of("site", "templates"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "a staging folder was left behind");
        }
    }

    /** The real templates, with the case's own templates (if any) put over them. */
    static Path templatesFor(Path caseDir, Path into) throws IOException {
        copyTree(TestSupport.TEMPLATES, into);
        if (Files.isDirectory(caseDir.resolve("templates"))) {
            copyTree(caseDir.resolve("templates"), into);
        }
        return into.toAbsolutePath();
    }

    /** An output folder holding a previous build: the files a failed build must leave alone. */
    static Path previousSite(Path out) throws IOException {
        Files.createDirectories(out.resolve("sections"));
        Files.createDirectories(out.resolve("assets"));
        Files.writeString(out.resolve("index.html"), "<!DOCTYPE html><title>previous build</title>\n");
        Files.writeString(out.resolve("sections/old.html"), "<p>a page only the previous build had</p>\n");
        Files.write(out.resolve("assets/bitext.css"), new byte[] {0, 1, 2, (byte) 0xff});
        Files.writeString(out.resolve(OutputFolder.MARKER), "made by an earlier build\n");
        return out.toAbsolutePath();
    }

    static void assertNoStackTrace(String output, String report) {
        for (String line : output.split("\\R")) {
            String t = line.strip();
            assertFalse(t.startsWith("at org.") || t.startsWith("at java.") || t.contains("Exception")
                    || t.contains("Error:") && t.contains("java.") || t.startsWith("Caused by"),
                    "stack trace or exception in the output: '" + line + "'" + report);
        }
    }

    static void assertTreeEquals(Map<String, byte[]> before, Map<String, byte[]> after, String message) {
        assertEquals(before.keySet(), after.keySet(), message);
        for (String k : before.keySet()) {
            assertTrue(Arrays.equals(before.get(k), after.get(k)), message + ": " + k);
        }
    }

    private static boolean hasReadableSource(Path caseDir, Path templates, String file) throws IOException {
        if (file.startsWith("templates/assets/")) {
            return false; // assets are copied, never parsed: an error about one is about the file, not a line
        }
        Path p = file.startsWith("templates/") ? templates.resolve(file.substring("templates/".length())) : caseDir.resolve(file);
        return Files.isRegularFile(p) && Files.size(p) <= Limits.MAX_INPUT_BYTES;
    }

    private static List<String> expected(String name) throws IOException {
        return Files.readAllLines(CATALOGUE.resolve(name).resolve("expected.txt"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
