package org.bitext;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bitext.cli.Main;

/** Helpers for tests: fixture copies, running the CLI in-process, reading a folder's bytes. */
public final class TestSupport {
    public static final Path MINI = Path.of("src/test/resources/fixtures/mini");
    public static final Path TEMPLATES = Path.of("templates");

    private TestSupport() {
    }

    /** The result of one CLI run. */
    public record Run(int code, String out, String err) {
    }

    public static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** Copies the mini fixture into {@code dir} and returns it. */
    public static Path copyMini(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String f : new String[] {"transcript.md", "edition.yaml"}) {
            Files.copy(MINI.resolve(f), dir.resolve(f));
        }
        return dir;
    }

    public static void replaceIn(Path file, String from, String to) throws IOException {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        if (!s.contains(from)) {
            throw new IllegalArgumentException("fixture has no '" + from + "' in " + file);
        }
        Files.writeString(file, s.replace(from, to), StandardCharsets.UTF_8);
    }

    /** Every file under {@code root} by relative path, with its bytes. */
    public static Map<String, byte[]> readTree(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
