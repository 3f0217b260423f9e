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
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", classPath(), "org.bitext.cli.Main", "build", "--content", content.toString(),
                "--templates", templates.toString(), "--out", out.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(root.resolve("log.txt").toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("build " + name + " did not finish");
        }
        String log = Files.readString(root.resolve("log.txt"), StandardCharsets.ISO_8859_1);
        assertEquals(0, p.exitValue(), log);
        return out;
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
