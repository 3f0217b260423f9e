package org.bitext.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saves that are still being written when a rebuild reads them: an in-place save (truncate, then write)
 * caught half-way, a rename save, a burst of saves. What is served is always built from whole files,
 * and in the end from the last one.
 */
class SaveWhileBuildingTest {
    private static final String PAGE = "/mini/sections/part-one.html";
    private static final String OLD_GLOSS = "Hello, Sam. Thank you for waiting.";
    /** Topics come last in edition.yaml: a topic appended there is the part of a save written last. */
    private static final String APPENDED_TOPIC = "  appended:\n    zh: 附加\n    en: Appended topic\n    turns: [你好，Sam]\n";

    @TempDir
    Path dir;
    Preview preview;
    Path yaml;
    String good;

    @BeforeEach
    void start() throws Exception {
        preview = Preview.start(dir);
        yaml = preview.content.resolve("edition.yaml");
        good = Files.readString(yaml, StandardCharsets.UTF_8);
    }

    @AfterEach
    void stop() {
        preview.close();
    }

    /** Writes {@code bytes} into the file in place, the way an editor that keeps the file's inode saves. */
    private static void writeInPlace(FileChannel ch, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    private int goodRebuilds() {
        Matcher m = Pattern.compile("(?m)^Rebuilt \\(.*\\): \\d+ files in").matcher(preview.log.toString());
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void aRebuildThatReadAHalfWrittenInPlaceSaveIsNeverServed() throws Exception {
        String edited = good.replace(OLD_GLOSS, "Hello, Sam, an in-place edit.");
        byte[] first = edited.getBytes(StandardCharsets.UTF_8); // a whole edition already, without the topic
        byte[] rest = APPENDED_TOPIC.getBytes(StandardCharsets.UTF_8);
        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (reading.get()) {
                try {
                    String body = preview.get(PAGE).body();
                    if (body.contains("an in-place edit") && !body.contains("Appended topic")) {
                        seen.add("served from the first half of the save");
                    }
                } catch (Exception e) {
                    seen.add(e.toString());
                }
            }
        });
        reader.start();
        try (FileChannel ch = FileChannel.open(yaml, StandardOpenOption.WRITE)) {
            preview.server.swapLock().lock(); // catch the rebuild of the half-written file just before its swap
            try {
                ch.truncate(0);
                writeInPlace(ch, first);
                assertTrue(Preview.eventually(preview.server::swapWaiting),
                        "a rebuild of the first half reaches the swap\n" + preview.log);
                writeInPlace(ch, rest); // the editor finishes writing while that rebuild waits
            } finally {
                preview.server.swapLock().unlock();
            }
        }
        assertTrue(Preview.eventually(() -> preview.get(PAGE).body().contains("Appended topic")),
                "the whole save is served\n" + preview.log);
        reading.set(false);
        reader.join();
        assertEquals(List.of(), seen);
        // the page is served as soon as the folder is swapped; the rebuild's line is printed just after
        assertTrue(Preview.eventually(() -> goodRebuilds() >= 1), "the rebuild says so\n" + preview.log);
        assertEquals(1, goodRebuilds(), "the rebuild of the half save was dropped, not served:\n" + preview.log);
        assertFalse(preview.log.toString().contains("failed"), "no error flashed in the overlay:\n" + preview.log);
        assertTrue(preview.get(SiteHandler.STATUS).body().contains("\"errors\": []"));
    }

    @Test
    void aRenameSaveWithTheFileMissingForAMomentEndsServedWithoutAnErrorShown() throws Exception {
        Path backup = preview.content.resolve("edition.yaml~");
        Path temp = preview.content.resolve(".edition.yaml.swp");
        preview.server.swapLock().lock();
        try {
            // what vim does by default: the old file goes aside, the new one is written under the name
            Files.move(yaml, backup);
            assertTrue(Preview.eventually(() -> preview.server.builds() > 1), "a rebuild starts at once\n" + preview.log);
            Files.writeString(temp, good.replace(OLD_GLOSS, "Hello, Sam, a rename save.") + APPENDED_TOPIC, StandardCharsets.UTF_8);
            Files.move(temp, yaml, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(backup);
        } finally {
            preview.server.swapLock().unlock();
        }
        assertTrue(Preview.eventually(() -> preview.get(PAGE).body().contains("a rename save")),
                "the saved file is served\n" + preview.log);
        assertTrue(preview.get(PAGE).body().contains("Appended topic"));
        assertTrue(preview.get(SiteHandler.STATUS).body().contains("\"errors\": []"), preview.log.toString());
    }

    @Test
    void aBurstOfInPlaceSavesServesOnlyWholeFilesAndEndsWithTheLast() throws Exception {
        int topicTags = countTags(preview.get(PAGE).body());
        List<String> bad = new CopyOnWriteArrayList<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        Runnable read = () -> {
            while (reading.get()) {
                try {
                    HttpResponse<String> r = preview.get(PAGE);
                    if (r.statusCode() != 200 || !r.body().stripTrailing().endsWith("</html>")
                            || countTags(r.body()) != topicTags + (r.body().contains("Appended topic") ? 1 : 0)) {
                        bad.add(r.statusCode() + " " + countTags(r.body()) + " topic tags");
                    }
                } catch (Exception e) {
                    bad.add(e.toString());
                }
            }
        };
        Thread a = new Thread(read);
        Thread b = new Thread(read);
        a.start();
        b.start();
        for (int i = 1; i <= 30; i++) {
            byte[] bytes = (good.replace(OLD_GLOSS, "Hello, Sam, burst save " + i + ".") + APPENDED_TOPIC)
                    .getBytes(StandardCharsets.UTF_8);
            try (FileChannel ch = FileChannel.open(yaml, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                // two writes with a pause between: a rebuild may well read the first half
                writeInPlace(ch, Arrays.copyOf(bytes, bytes.length / 2));
                Thread.sleep(1);
                writeInPlace(ch, Arrays.copyOfRange(bytes, bytes.length / 2, bytes.length));
            }
            Thread.sleep(i % 3); // a burst: some saves land while a rebuild runs, some between rebuilds
        }
        assertTrue(Preview.eventually(() -> preview.get(PAGE).body().contains("burst save 30.")),
                "the last save is served\n" + preview.log);
        reading.set(false);
        a.join();
        b.join();
        assertEquals(List.of(), bad, "pages built from a half-written file were served");
        assertTrue(preview.get(SiteHandler.STATUS).body().contains("\"errors\": []"), preview.log.toString());
    }

    /** How many topic tags a page shows (a file cut short loses the topics at its end). */
    private static int countTags(String html) {
        Matcher m = Pattern.compile("href=\"\\.\\./topics/").matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
