package org.bitext.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.bitext.Bitext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever a save makes a rebuild do (throw, run out of stack or memory, never end), the preview says
 * so in the overlay, keeps watching, and the next good save is built and served.
 */
class RebuildSurvivalTest {
    private static final String PAGE = "/mini/sections/part-one.html";
    private static final String OLD_GLOSS = "Hello, Sam. Thank you for waiting.";
    private static final String BREAKS = "breaks the rebuild";

    @TempDir
    Path dir;
    Preview preview;

    @AfterEach
    void stop() {
        if (preview != null) {
            preview.close();
        }
    }

    private void editGloss(String gloss) throws Exception {
        Path yaml = preview.content.resolve("edition.yaml");
        String text = Files.readString(yaml, StandardCharsets.UTF_8);
        Files.writeString(yaml, text.replaceFirst("(?m)(?<=^    en: )Hello, Sam[^\\n]*", gloss), StandardCharsets.UTF_8);
    }

    private String status() throws Exception {
        return preview.get(SiteHandler.STATUS).body();
    }

    /** A build that throws what {@code kind} names while edition.yaml holds {@link #BREAKS}, like a bad input would. */
    private static DevServer.Builder throwing(String kind) {
        return (options, diags, session) -> {
            if (Files.readString(options.content().resolve("edition.yaml"), StandardCharsets.UTF_8).contains(BREAKS)) {
                switch (kind) {
                    case "StackOverflowError" -> throw new StackOverflowError();
                    case "OutOfMemoryError" -> throw new OutOfMemoryError("Java heap space");
                    case "IllegalStateException" -> throw new IllegalStateException("a bug");
                    default -> throw new AssertionError("a broken invariant");
                }
            }
            return Bitext.build(options, diags, session);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"StackOverflowError", "OutOfMemoryError", "IllegalStateException", "AssertionError"})
    void anythingThrownByARebuildShowsInTheOverlayAndTheNextSaveIsBuilt(String kind) throws Exception {
        preview = Preview.start(dir, throwing(kind));
        editGloss("Hello, Sam, a save that " + BREAKS + ".");
        assertTrue(Preview.eventually(() -> status().contains("\"location\"")),
                "the overlay shows the failure\n" + preview.log);
        assertTrue(status().contains("edition.yaml:1:1"), "it names the file that was saved: " + status());
        assertEquals(200, preview.get(PAGE).statusCode(), "the last good build is still served");
        assertTrue(preview.get(PAGE).body().contains(OLD_GLOSS));

        editGloss("Hello, Sam, the next save.");
        assertTrue(Preview.eventually(() -> preview.get(PAGE).body().contains("the next save")),
                "the watcher is alive and the next save is built\n" + preview.log);
        assertTrue(Preview.eventually(() -> status().contains("\"errors\": []")), "the overlay is cleared");
    }

    @Test
    void aTemplateThatRecursesForeverIsReportedAndFixingItRebuilds() throws Exception {
        preview = Preview.start(dir);
        Path template = preview.templates.resolve("index.ftlh");
        String good = Files.readString(template, StandardCharsets.UTF_8);
        Files.writeString(template, good + "<#macro down><@down/></#macro><@down/>\n", StandardCharsets.UTF_8);
        assertTrue(Preview.eventually(() -> status().contains("\"location\"")),
                "the overlay shows the failure\n" + preview.log);

        Files.writeString(template, good, StandardCharsets.UTF_8);
        editGloss("Hello, Sam, after the template was fixed.");
        assertTrue(Preview.eventually(() -> preview.get(PAGE).body().contains("after the template was fixed")),
                "the watcher is alive and the next save is built\n" + preview.log);
        assertTrue(Preview.eventually(() -> status().contains("\"errors\": []")), "the overlay is cleared");
    }

    @Test
    void aRebuildThatNeverEndsIsReportedAndTheNextSaveStartsAfresh() throws Exception {
        CountDownLatch hang = new CountDownLatch(1);
        CountDownLatch hungBuildEnded = new CountDownLatch(1);
        AtomicReference<Boolean> hangNext = new AtomicReference<>(false);
        preview = Preview.start(dir, (options, diags, session) -> {
            if (hangNext.getAndSet(false)) {
                try {
                    hang.await(); // a template that never ends
                    return Bitext.build(options, diags, session);
                } catch (InterruptedException e) {
                    // the server gave up on it: finish anyway, as a template that ignores interrupts would
                    return Bitext.build(options, diags, session);
                } finally {
                    hungBuildEnded.countDown();
                }
            }
            return Bitext.build(options, diags, session);
        });
        preview.server.timeLimit(Duration.ofSeconds(4)); // well beyond a rebuild of the fixture, even on a busy machine
        hangNext.set(true);
        editGloss("Hello, Sam, a save whose rebuild hangs.");
        assertTrue(Preview.eventually(() -> status().contains("has not finished")),
                "the overlay says the rebuild does not finish\n" + preview.log);
        assertTrue(preview.get(PAGE).body().contains(OLD_GLOSS), "the last good build is still served");

        editGloss("Hello, Sam, the save after the hang.");
        assertTrue(Preview.eventually(() -> preview.get(PAGE).body().contains("the save after the hang")),
                "the next save is built while the hung one still runs\n" + preview.log);
        assertTrue(Preview.eventually(() -> status().contains("\"errors\": []")), "the overlay is cleared");
        String served = status();

        hang.countDown();
        assertTrue(hungBuildEnded.await(Preview.WAIT.toMillis(), TimeUnit.MILLISECONDS));
        assertEquals(served, status(), "the abandoned build never replaces a later one");
        assertTrue(preview.get(PAGE).body().contains("the save after the hang"));
    }

    @Test
    void theWatcherSurvivesAReceiverThatThrows() throws Exception {
        BlockingQueue<Set<Path>> got = new LinkedBlockingQueue<>();
        Path content = Files.createDirectories(dir.resolve("watched"));
        try (Watcher w = new Watcher(List.of(content), null, Duration.ZERO, changed -> {
            got.add(changed);
            throw new StackOverflowError();
        })) {
            w.start();
            Files.writeString(content.resolve("a.yaml"), "a");
            assertTrue(got.poll(Preview.WAIT.toMillis(), TimeUnit.MILLISECONDS) != null);
            Files.writeString(content.resolve("b.yaml"), "b");
            Set<Path> second = got.poll(Preview.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            while (second != null && !second.contains(content.resolve("b.yaml").toAbsolutePath())) {
                second = got.poll(Preview.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            assertTrue(second != null, "the watcher still reports after its receiver threw");
        }
    }
}
