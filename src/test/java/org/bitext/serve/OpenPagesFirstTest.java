package org.bitext.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import org.bitext.Bitext;
import org.bitext.Incremental;
import org.bitext.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuild makes the pages readers have open first and serves each one at once, ahead of the rest of
 * the site and of the link check; the whole rebuild then serves the same bytes, and a rebuild that fails
 * after all takes them back, so the last good site is served again.
 */
class OpenPagesFirstTest {
    private static final String PAGE = "/mini/sections/part-one.html";
    private static final String OLD_GLOSS = "Hello, Sam. Thank you for waiting.";
    private static final String NEW_GLOSS = "Hello, Sam, and thank you, says a gloss edited just now.";

    @TempDir
    Path dir;
    Preview preview;
    /** Holds every rebuild just before its swap until the test releases it. */
    final HeldSwap held = new HeldSwap();

    @AfterEach
    void stop() {
        held.release();
        if (preview != null) {
            preview.close();
        }
    }

    @Test
    void anOpenPageIsServedBeforeItsRebuildIsDoneAndTheRebuildThenServesTheSameBytes() throws Exception {
        preview = Preview.start(dir, held);
        assertTrue(preview.get(PAGE).body().contains(OLD_GLOSS)); // the page is open
        BlockingQueue<String> page = preview.eventsOf(PAGE);
        BlockingQueue<String> other = preview.eventsOf("/mini/notes.html");
        assertTrue(Preview.awaitLine(page, "event: hello"));
        assertTrue(Preview.awaitLine(other, "event: hello"));

        TestSupport.replaceIn(preview.content.resolve("edition.yaml"), OLD_GLOSS, NEW_GLOSS);

        assertTrue(held.awaitSwap(), "the rebuild reaches its swap\n" + preview.log);
        String ahead = preview.get(PAGE).body();
        assertTrue(ahead.contains(NEW_GLOSS), "the open page shows the edit while the rest of the rebuild waits");
        String onDisk = Files.readString(preview.out.resolve("sections/part-one.html"), StandardCharsets.UTF_8);
        assertTrue(onDisk.contains(OLD_GLOSS), "the output folder is still the last good build");
        assertTrue(preview.get("/mini/sections/part-two.html").body().contains("<script src=\"/__bitext/reload.js?build="),
                "other pages are still served from the last good build");
        assertTrue(Preview.awaitLine(page, "event: reload"), "the open page is told to reload at once");

        BlockingQueue<String> again = preview.eventsOf(PAGE); // the page, reloaded, listens again
        String aheadBuild = buildOf(ahead);
        assertTrue(Preview.awaitLine(again, "data: {\"build\": \"" + aheadBuild + "\", \"errors\": []}"),
                "its hello names the build it now shows");
        held.release();

        assertTrue(Preview.awaitLine(other, "event: reload"), "a page not served ahead reloads when the rebuild is served");
        assertTrue(Preview.awaitLine(again, "event: errors"), "the page served ahead only hears the new state, and no error");
        assertTrue(Preview.eventually(() -> preview.log.toString().contains("Rebuilt")), preview.log.toString());
        String whole = preview.get(PAGE).body();
        assertEquals(ahead, whole, "the whole rebuild serves the very page that was served ahead");
        assertEquals(Files.readString(preview.out.resolve("sections/part-one.html"), StandardCharsets.UTF_8),
                whole.replaceFirst("<script src=\"/__bitext/reload\\.js\\?build=[^\"]+\" defer></script>\n", ""),
                "and it is the file the build wrote");
    }

    @Test
    void aPageServedAheadOfARebuildThatFailsIsTakenBack() throws Exception {
        preview = Preview.start(dir);
        assertTrue(preview.get(PAGE).body().contains(OLD_GLOSS));
        BlockingQueue<String> page = preview.eventsOf(PAGE);
        BlockingQueue<String> any = preview.events(); // a stream that names no page hears of the failure
        assertTrue(Preview.awaitLine(page, "event: hello"));
        assertTrue(Preview.awaitLine(any, "event: hello"));

        // the page renders, and the link check that follows finds the link in its note broken
        TestSupport.replaceIn(preview.content.resolve("edition.yaml"), "text: Chief executive of OpenAI.",
                "text: Chief executive of OpenAI, see [the missing page](missing.html).");

        assertTrue(Preview.awaitLine(page, "event: reload"), "the open page was served ahead\n" + preview.log);
        assertTrue(Preview.awaitLine(any, "event: errors"), "then the rebuild failed\n" + preview.log);
        assertTrue(preview.log.toString().contains("missing.html"), preview.log.toString());
        String served = preview.get(PAGE).body();
        assertTrue(served.contains("Chief executive of OpenAI."), "the last good page is served again");
        assertFalse(served.contains("missing page"));
    }

    @Test
    void aPageMadeFromInputsThatChangedSinceIsNotServedAhead() throws Exception {
        Path yaml = dir.resolve("content/edition.yaml");
        String[] seenAfterward = new String[1];
        int[] builds = {0};
        preview = Preview.start(dir, (options, diags, session) -> {
            if (builds[0]++ != 1) {
                return Bitext.build(options, diags, session);
            }
            Incremental saving = (Incremental) Proxy.newProxyInstance(Incremental.class.getClassLoader(),
                    new Class<?>[] {Incremental.class}, (proxy, method, args) -> {
                        if (method.getName().equals("madeFirst")) {
                            // another save lands while the first rebuild is under way
                            TestSupport.replaceIn(yaml, "a gloss saved first", "a gloss saved second");
                        }
                        Object result;
                        try {
                            result = method.invoke(session, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                        if (method.getName().equals("madeFirst")) {
                            seenAfterward[0] = preview.get(PAGE).body();
                        }
                        return result;
                    });
            return Bitext.build(options, diags, saving);
        });
        assertTrue(preview.get(PAGE).body().contains(OLD_GLOSS));

        TestSupport.replaceIn(yaml, OLD_GLOSS, "Hello, Sam, a gloss saved first.");

        assertTrue(Preview.eventually(() -> preview.get(PAGE).body().contains("a gloss saved second")), preview.log.toString());
        assertTrue(seenAfterward[0] != null, "the first rebuild made the open page first\n" + preview.log);
        assertTrue(seenAfterward[0].contains(OLD_GLOSS), "a page read from a file saved again since is not served ahead");
        assertFalse(preview.get(PAGE).body().contains("a gloss saved first"));
    }

    /** The build a served page names in its live-reload script. */
    private static String buildOf(String html) {
        var m = java.util.regex.Pattern.compile("reload\\.js\\?build=([^\"]+)\"").matcher(html);
        assertTrue(m.find(), html);
        return m.group(1);
    }
}
