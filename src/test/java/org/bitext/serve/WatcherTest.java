package org.bitext.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saves come in bursts of file events; the watcher turns each burst into one report. */
class WatcherTest {
    @TempDir
    Path dir;

    private final BlockingQueue<Set<Path>> bursts = new LinkedBlockingQueue<>();

    private Set<Path> nextBurst() throws InterruptedException {
        Set<Path> burst = bursts.poll(Preview.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (burst == null) {
            throw new AssertionError("no burst reported within " + Preview.WAIT);
        }
        return burst;
    }

    @Test
    void aBurstOfWritesIsReportedOnce() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        // a quiet period far longer than the burst takes to write, so the burst is one by construction
        try (Watcher w = new Watcher(List.of(content), null, Duration.ofMillis(400), bursts::add)) {
            w.start();
            for (int i = 0; i < 10; i++) {
                Files.writeString(content.resolve("file" + i + ".yaml"), "x: " + i);
            }
            Set<Path> burst = nextBurst();
            assertEquals(10, burst.size(), "all ten saves in the first report: " + burst);
            assertTrue(bursts.isEmpty());
        }
    }

    @Test
    void watchesSubfoldersIncludingNewOnesAndIgnoresEditorBackups() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("templates/assets"));
        Path out = Files.createDirectories(dir.resolve("templates/site"));
        try (Watcher w = new Watcher(List.of(templates.getParent()), out, Duration.ofMillis(100), bursts::add)) {
            w.start();
            Files.writeString(out.resolve("index.html"), "built"); // the output folder is not watched
            Files.writeString(templates.resolve(".bitext.css.swp"), "swap");
            Files.writeString(templates.resolve("bitext.css~"), "backup");
            Files.writeString(templates.resolve("bitext.css"), "body{}");
            Set<Path> first = nextBurst();
            assertTrue(first.contains(templates.resolve("bitext.css").toAbsolutePath()), first.toString());
            assertFalse(first.stream().anyMatch(p -> p.startsWith(out.toAbsolutePath())), first.toString());
            assertFalse(first.stream().anyMatch(p -> p.getFileName().toString().contains("~")), first.toString());
            assertFalse(first.stream().anyMatch(p -> p.getFileName().toString().endsWith(".swp")), first.toString());

            Path fonts = Files.createDirectories(templates.resolve("fonts"));
            nextBurst(); // the new folder itself
            Files.writeString(fonts.resolve("a.woff2"), "font");
            Set<Path> inNew = nextBurst();
            assertTrue(inNew.contains(fonts.resolve("a.woff2").toAbsolutePath()), "new folders are watched: " + inNew);
        }
    }
}
