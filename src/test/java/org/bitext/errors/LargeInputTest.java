package org.bitext.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.bitext.TestSupport;
import org.bitext.input.Limits;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input size. Decision: up to {@link Limits#MAX_INPUT_BYTES} (64 MB) a file is read and built — a
 * 50 MB transcript (some 75 000 turns) builds; a larger file is refused at once, without reading it,
 * with a message that names the limit, and the output folder is left as it was.
 */
class LargeInputTest {
    @TempDir
    Path tmp;

    @Test
    void aTranscriptOverTheLimitIsRefusedWithoutReadingItAndNothingIsWritten() throws IOException {
        Path content = TestSupport.copyMini(tmp.resolve("content"));
        try (RandomAccessFile f = new RandomAccessFile(content.resolve("transcript.md").toFile(), "rw")) {
            f.setLength(65L * 1024 * 1024); // sparse: costs no disk, and reading it would cost 65 MB of heap
        }
        Path out = ErrorCatalogueTest.previousSite(tmp.resolve("site"));
        Map<String, byte[]> before = TestSupport.readTree(out);

        TestSupport.Run run = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> TestSupport.cli("build",
                "--content", content.toString(), "--templates", TestSupport.TEMPLATES.toString(), "--out", out.toString()));

        assertEquals(1, run.code(), run.err());
        assertEquals(content.resolve("transcript.md") + ":1:1: transcript.md is 65.0 MB; the limit is 64 MB, so it was not read",
                run.err().lines().findFirst().orElse(""), run.err());
        ErrorCatalogueTest.assertNoStackTrace(run.err(), run.err());
        ErrorCatalogueTest.assertTreeEquals(before, TestSupport.readTree(out), "the output folder changed");
    }

    @Test
    @Tag("slow")
    void aFiftyMegabyteTranscriptIsBuilt() throws IOException {
        Path content = TestSupport.copyMini(tmp.resolve("content"));
        long size = writeLongTranscript(content.resolve("transcript.md"), 50L * 1024 * 1024);
        assertTrue(size >= 50L * 1024 * 1024 && size < Limits.MAX_INPUT_BYTES, "size " + size);
        Path out = ErrorCatalogueTest.previousSite(tmp.resolve("site"));

        TestSupport.Run run = assertTimeoutPreemptively(Duration.ofMinutes(10), () -> TestSupport.cli("build",
                "--content", content.toString(), "--templates", TestSupport.TEMPLATES.toString(), "--out", out.toString()));

        assertEquals(0, run.code(), () -> run.err().lines().filter(l -> !l.contains("warning:") && !l.startsWith(" "))
                .limit(20).reduce("", (a, b) -> a + b + "\n"));
        ErrorCatalogueTest.assertNoStackTrace(run.out() + run.err(), "");
        assertTrue(run.out().startsWith("Built "), run.out());
        assertTrue(Files.isRegularFile(out.resolve("index.html")) && Files.isRegularFile(out.resolve("transcript.html")));
        assertTrue(Files.notExists(out.resolve("sections/old.html")), "the previous site was replaced");
        String transcriptPage = Files.readString(out.resolve("transcript.html"), StandardCharsets.UTF_8);
        assertTrue(transcriptPage.contains("第180节") && transcriptPage.length() > 50_000_000, "the whole transcript is on the page");
    }

    /**
     * The mini transcript with labelled turns of the two speakers, in sections of 200 turns, inserted
     * before the end marker until the file has {@code bytes} bytes. Written as it is made, not held.
     */
    static long writeLongTranscript(Path file, long bytes) throws IOException {
        String mini = Files.readString(TestSupport.MINI.resolve("transcript.md"), StandardCharsets.UTF_8);
        int end = mini.indexOf("# 往期回顾");
        String turn = "**主持人：** " + "我们讨论规则的未来，以及它对每个人意味着什么。".repeat(8) + "\n\n**Sam Altman：** "
                + "我们需要很多年一起学习和改进这些系统，这是一个漫长的过程。".repeat(8) + "\n\n";
        long written = 0;
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(mini.substring(0, end));
            written += mini.substring(0, end).getBytes(StandardCharsets.UTF_8).length;
            long turnBytes = turn.getBytes(StandardCharsets.UTF_8).length;
            for (int n = 0; written < bytes; n++) {
                if (n % 200 == 0) {
                    String heading = "# 第" + (n / 200 + 1) + "节\n\n";
                    w.write(heading);
                    written += heading.getBytes(StandardCharsets.UTF_8).length;
                }
                w.write(turn);
                written += turnBytes;
            }
            w.write(mini.substring(end));
        }
        return Files.size(file);
    }
}
