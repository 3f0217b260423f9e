package org.bitext.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bitext.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same input gives a byte-identical site whatever the time zone, locale, default charset,
 * SOURCE_DATE_EPOCH or the order in which the file system lists the inputs. Each build runs in its
 * own JVM, since time zone and locale are fixed when a JVM starts.
 */
class ReproducibleBuildTest {
    @TempDir
    Path dir;

    @Test
    void twoBuildsOnDifferentlyConfiguredMachinesAreByteIdentical() throws Exception {
        Path first = build("a", false, Map.of("TZ", "Pacific/Kiritimati", "LANG", "C.UTF-8", "LC_ALL", "C.UTF-8",
                        "SOURCE_DATE_EPOCH", "0"),
                "-Duser.timezone=Pacific/Kiritimati", "-Duser.language=tr", "-Duser.country=TR",
                "-Dfile.encoding=ISO-8859-1");
        Path second = build("b", true, Map.of("TZ", "America/St_Johns", "LANG", "C", "LC_ALL", "C",
                        "SOURCE_DATE_EPOCH", "1700000000"),
                "-Duser.timezone=America/St_Johns", "-Duser.language=zh", "-Duser.country=CN",
                "-Dfile.encoding=UTF-8");

        Map<String, byte[]> a = TestSupport.readTree(first);
        Map<String, byte[]> b = TestSupport.readTree(second);
        assertEquals(a.keySet(), b.keySet());
        assertTrue(a.size() >= 20, "a whole site was built: " + a.keySet());
        for (String file : a.keySet()) {
            assertArrayEquals(a.get(file), b.get(file), file + " differs between the two builds");
        }
        String home = new String(a.get("index.html"), StandardCharsets.UTF_8);
        assertTrue(home.contains("2024-06-03"), "the date shown is the source's publication date");
    }

    /**
     * Builds the mini fixture in a child JVM, from inputs copied in sorted or reverse order (with extra
     * assets, so the file system has something to list in its own order).
     */
    private Path build(String name, boolean reverse, Map<String, String> env, String... jvmOptions)
            throws IOException, InterruptedException {
        Path root = Files.createDirectories(dir.resolve(name));
        Path content = copy(TestSupport.MINI, root.resolve("content"), reverse);
        Path templates = copy(TestSupport.TEMPLATES, root.resolve("templates"), reverse);
        List<String> extras = new ArrayList<>(List.of("zeta.txt", "alpha.txt", "Beta.txt", "sub/e.txt"));
        if (reverse) {
            java.util.Collections.reverse(extras);
        }
        for (String extra : extras) {
            Path p = templates.resolve("assets").resolve(extra);
            Files.createDirectories(p.getParent());
            Files.writeString(p, extra + "\n", StandardCharsets.UTF_8);
        }
        Path out = root.resolve("site");
        String log = run(root, env, List.of(jvmOptions), "build", "--content", content.toString(),
                "--templates", templates.toString(), "--out", out.toString());
        assertTrue(log.startsWith("exit 0\n"), log);
        return out;
    }

    /** A machine whose locale cannot spell a file name of the templates gets an error, not a crash. */
    @Test
    void anAssetNameTheLocaleCannotSpellIsAnErrorNotACrash() throws Exception {
        Path root = Files.createDirectories(dir.resolve("c-locale"));
        Path content = copy(TestSupport.MINI, root.resolve("content"), false);
        Path templates = copy(TestSupport.TEMPLATES, root.resolve("templates"), false);
        // The shell makes the name (样.css) from its bytes: this JVM may itself run under a C locale.
        Process mk = new ProcessBuilder("sh", "-c", "printf 'p {}\\n' > \"$0/$(printf '\\346\\240\\267.css')\"",
                templates.resolve("assets").toString()).start();
        assertEquals(0, mk.waitFor());
        Path out = root.resolve("site");
        String log = run(root, Map.of("LANG", "C", "LC_ALL", "C"), List.of(), "build", "--content", content.toString(),
                "--templates", templates.toString(), "--out", out.toString());
        assertTrue(log.startsWith("exit 1\n"), log);
        assertTrue(log.matches("(?s).*templates/assets/\\S+\\.css:1:1: asset file name '\\S+\\.css' must use only ASCII"
                + " letters, digits, '\\.', '-' and '_'.*"), log);
        assertTrue(!log.contains("internal error") && !log.contains("Exception"), log);
        assertTrue(!Files.exists(out), "nothing was written");
    }

    /** Runs the CLI in a child JVM; returns "exit N" and a newline, then what it printed. */
    private String run(Path root, Map<String, String> env, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath(), "org.bitext.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(root.resolve("log.txt").toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the build in " + root + " did not finish");
        }
        return "exit " + p.exitValue() + "\n" + Files.readString(root.resolve("log.txt"), StandardCharsets.ISO_8859_1);
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        String cp = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        assertTrue(cp.contains(File.pathSeparator) || cp.endsWith(".jar") || Files.isDirectory(Path.of(cp)), cp);
        return cp;
    }

    private static Path copy(Path from, Path to, boolean reverse) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(from)) {
            all = new ArrayList<>(walk.sorted().toList());
        }
        List<Path> dirs = all.stream().filter(Files::isDirectory).toList();
        for (Path d : dirs) {
            Files.createDirectories(to.resolve(from.relativize(d).toString()));
        }
        List<Path> files = new ArrayList<>(all.stream().filter(Files::isRegularFile).toList());
        files.sort(reverse ? Comparator.<Path>reverseOrder() : Comparator.<Path>naturalOrder());
        for (Path f : files) {
            Files.copy(f, to.resolve(from.relativize(f).toString()));
        }
        return to;
    }
}
