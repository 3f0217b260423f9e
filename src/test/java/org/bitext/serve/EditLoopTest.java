package org.bitext.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import org.bitext.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor's loop end to end: save a file, the preview rebuilds, open pages hear about it. */
class EditLoopTest {
    private static final String PAGE = "/mini/sections/part-one.html";
    private static final String OLD_GLOSS = "Hello, Sam. Thank you for waiting.";

    @TempDir
    Path dir;
    Preview preview;

    @BeforeEach
    void start() throws Exception {
        preview = Preview.start(dir);
    }

    @AfterEach
    void stop() {
        preview.close();
    }

    @Test
    void editedGlossIsServedAndOpenPagesAreToldToReload() throws Exception {
        assertTrue(preview.get(PAGE).body().contains(OLD_GLOSS));
        BlockingQueue<String> events = preview.events();
        assertTrue(Preview.awaitLine(events, "event: hello"), "the event stream greets a new page");

        TestSupport.replaceIn(preview.content.resolve("edition.yaml"), OLD_GLOSS, "Hello again, Sam, a gloss edited just now.");

        assertTrue(Preview.eventually(() -> preview.get(PAGE).body().contains("a gloss edited just now")),
                "the new gloss is served within " + Preview.WAIT + "\n" + preview.log);
        assertTrue(Preview.awaitLine(events, "event: reload"), "open pages get a reload event");
        assertFalse(preview.get(PAGE).body().contains(OLD_GLOSS));
        assertTrue(preview.log.toString().matches("(?s).*Rebuilt \\(edition\\.yaml.*\\): \\d+ files in \\d+ ms.*"),
                "each rebuild prints its time:\n" + preview.log);
    }

    @Test
    void servedPagesLoadTheReloadScriptButTheSiteOnDiskDoesNot() throws Exception {
        HttpResponse<String> page = preview.get(PAGE);
        assertTrue(page.body().contains("<script src=\"/__bitext/reload.js?build="), page.body());
        String onDisk = Files.readString(preview.out.resolve("sections/part-one.html"), StandardCharsets.UTF_8);
        assertFalse(onDisk.contains("__bitext"), "the published site never carries the preview script");
        HttpResponse<String> js = preview.get(SiteHandler.RELOAD_JS);
        assertEquals(200, js.statusCode());
        assertEquals("text/javascript; charset=utf-8", js.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(js.body().contains("new EventSource('/__bitext/events?page='"), "the stream says which page listens");
        assertTrue(js.body().contains("sessionStorage"), "the scroll position survives the reload");
        assertFalse(js.body().contains("innerHTML"), "error text reaches the page through textContent only");
    }

    @Test
    void brokenEditionShowsErrorsWhileTheLastGoodSiteStaysServedAndClearsWhenFixed() throws Exception {
        Path yaml = preview.content.resolve("edition.yaml");
        String good = Files.readString(yaml, StandardCharsets.UTF_8);
        BlockingQueue<String> events = preview.events();
        assertTrue(Preview.awaitLine(events, "event: hello"));
        assertTrue(preview.get(SiteHandler.STATUS).body().contains("\"errors\": []"));

        Files.writeString(yaml, good.replace("speakers:\n", "speakers: [\n"), StandardCharsets.UTF_8);

        assertTrue(Preview.awaitLine(events, "event: errors"), "open pages hear about the failure\n" + preview.log);
        String status = preview.get(SiteHandler.STATUS).body();
        assertTrue(status.matches("(?s).*\"location\": \"[^\"]*edition\\.yaml:\\d+:\\d+\".*"),
                "the overlay gets file:line:column\n" + status);
        assertTrue(status.contains("YAML syntax error"), status);
        HttpResponse<String> page = preview.get(PAGE);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(OLD_GLOSS), "the last good site is still served");

        Files.writeString(yaml, good, StandardCharsets.UTF_8);

        assertTrue(Preview.awaitLine(events, "event: reload"), "a fixed build reloads the pages\n" + preview.log);
        assertTrue(preview.get(SiteHandler.STATUS).body().contains("\"errors\": []"), "the overlay is cleared");
    }

    @Test
    void aNewAssetIsPickedUpFromTheTemplatesFolder() throws Exception {
        Files.writeString(preview.templates.resolve("assets/extra.css"), "body { margin: 0 }\n", StandardCharsets.UTF_8);
        assertTrue(Preview.eventually(() -> preview.get("/mini/assets/extra.css").statusCode() == 200),
                "assets are watched too\n" + preview.log);
    }
}
