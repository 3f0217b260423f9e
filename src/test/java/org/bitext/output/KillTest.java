package org.bitext.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bitext.TestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at any moment of a build leaves either the old or the new complete site (or, for a
 * kill between the two renames of the swap, the old one beside it, which the next run puts back), and
 * the next good build leaves a complete site and no staging folder. Each build runs in a child JVM,
 * killed at a random moment within the time a whole build takes.
 */
@Tag("slow")
class KillTest {
    private static final int KILLS = 30;
    /** Enough static files that writing, swapping and deleting a site take a while. */
    private static final int STATIC_FILES = 600;

    @TempDir
    Path tmp;

    @Test
    void killedBuildsLeaveAWholeSiteAndTheNextBuildCleansUp() throws Exception {
        Path project = tmp.resolve("project");
        Path content = TestSupport.copyMini(project.resolve("content"));
        Path staticFolder = project.resolve("static");
        for (int i = 0; i < STATIC_FILES; i++) {
            Path f = staticFolder.resolve("files/" + i % 30 + "/" + i + ".txt");
            Files.createDirectories(f.getParent());
            Files.writeString(f, ("static file " + i + "\n").repeat(40));
        }
        Path templates = TestSupport.TEMPLATES.toAbsolutePath();
        Map<String, String> a = reference(content, templates, staticFolder, "A");
        Map<String, String> b = reference(content, templates, staticFolder, "B");
        Path site = project.resolve("site");

        Files.writeString(staticFolder.resolve("version.txt"), "A");
        long start = System.nanoTime();
        assertEquals(0, child(project, content, templates, site).waitFor(), "a whole build in a child JVM");
        long whole = (System.nanoTime() - start) / 1_000_000;

        long seed = Long.getLong("kill.seed", System.nanoTime());
        Random random = new Random(seed);
        String replay = " (replay with -Dkill.seed=" + seed + ")";
        int betweenRenames = 0;
        for (int i = 0; i < KILLS; i++) {
            Files.writeString(staticFolder.resolve("version.txt"), i % 2 == 0 ? "B" : "A");
            Process p = child(project, content, templates, site);
            p.waitFor(random.nextInt((int) whole + 1), TimeUnit.MILLISECONDS);
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
            p.waitFor();
            if (Files.exists(site)) {
                Map<String, String> now = OutputSafetyTest.snapshot(site);
                assertTrue(now.equals(a) || now.equals(b), "kill " + i + " left a torn site" + replay);
            } else {
                // the only moment with no site/: between the two renames; the old site waits beside it
                List<Path> old = leftovers(project, ".site.old-");
                assertEquals(1, old.size(), "kill " + i + " left no site/ and no old site to restore" + replay);
                Map<String, String> aside = OutputSafetyTest.snapshot(old.get(0));
                assertTrue(aside.equals(a) || aside.equals(b), "kill " + i + ": the old site aside is torn" + replay);
                betweenRenames++;
            }
        }

        Files.writeString(staticFolder.resolve("version.txt"), "A");
        TestSupport.Run good = TestSupport.cli("build", "--content", content.toString(), "--templates",
                templates.toString(), "--out", site.toString());
        assertEquals(0, good.code(), good.err());
        assertEquals(a, OutputSafetyTest.snapshot(site), "the good build after the kills is complete");
        assertEquals(List.of(), leftovers(project, ".site."),
                "staging folders left after " + KILLS + " kills (" + betweenRenames + " between the renames)" + replay);
    }

    /** The site built from the project with {@code version} in static/version.txt, built elsewhere. */
    private Map<String, String> reference(Path content, Path templates, Path staticFolder, String version)
            throws IOException {
        Files.writeString(staticFolder.resolve("version.txt"), version);
        Path out = tmp.resolve("reference-" + version);
        TestSupport.Run r = TestSupport.cli("build", "--content", content.toString(), "--templates", templates.toString(),
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        return OutputSafetyTest.snapshot(out);
    }

    private static Process child(Path project, Path content, Path templates, Path site) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "org.bitext.cli.Main", "build",
                "--content", content.toString(), "--templates", templates.toString(), "--out", site.toString()));
        return new ProcessBuilder(command).directory(project.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static List<Path> leftovers(Path dir, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }
}
