package org.bitext.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The preview on a shared machine: loopback only, files of the output folder only, GET and HEAD
 * only. A secret lies right beside the output folder, where a path escape would find it.
 */
class ServeSafetyTest {
    private static final String SECRET = "secret-beside-the-site-7f3a";

    @TempDir
    static Path dir;
    static Preview preview;

    @BeforeAll
    static void start() throws IOException {
        preview = Preview.still(dir, null);
        Path work = preview.out.getParent();
        Files.writeString(work.resolve("secret.txt"), SECRET, StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("private"));
        Files.writeString(dir.resolve("private/index.html"), SECRET, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("private/notes.txt"), SECRET, StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        preview.close();
    }

    @Test
    void listensOnLoopbackOnlyByDefault() {
        assertTrue(preview.server.address().getAddress().isLoopbackAddress());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/mini/../secret.txt",
        "/mini/../../secret.txt",
        "/mini/assets/../../secret.txt",
        "/mini/%2e%2e/secret.txt",
        "/mini/%2E%2E/secret.txt",
        "/mini/.%2e/secret.txt",
        "/mini/..%2fsecret.txt",
        "/mini/assets%2f..%2f..%2fsecret.txt",
        "/mini/..%5csecret.txt",
        "/mini/..\\secret.txt",
        "/mini/./index.html",
    })
    void pathTraversalIsRefused(String path) throws IOException {
        String answer = preview.raw("GET", path);
        assertEquals(400, Preview.status(answer), answer);
        assertFalse(answer.contains(SECRET));
    }

    @Test
    void symlinksLeavingTheOutputFolderAreRefused() throws IOException {
        Path fileLink = preview.out.resolve("leak.txt");
        Path dirLink = preview.out.resolve("leakdir");
        try {
            Files.createSymbolicLink(fileLink, preview.out.getParent().resolve("secret.txt"));
            Files.createSymbolicLink(dirLink, dir.resolve("private"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "this file system has no symbolic links");
        }
        for (String path : new String[] {"/mini/leak.txt", "/mini/leakdir/notes.txt", "/mini/leakdir/"}) {
            String answer = preview.raw("GET", path);
            assertEquals(403, Preview.status(answer), path + "\n" + answer);
            assertFalse(answer.contains(SECRET), path);
        }
    }

    @Test
    void symlinksInsideTheOutputFolderStillWork() throws IOException {
        Path link = preview.out.resolve("same-as-index.html");
        try {
            Files.createSymbolicLink(link, preview.out.resolve("index.html"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "this file system has no symbolic links");
        }
        assertEquals(200, Preview.status(preview.raw("GET", "/mini/same-as-index.html")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
    void onlyGetAndHeadAreAnswered(String method) throws IOException {
        String answer = preview.raw(method + " /mini/index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n");
        assertEquals(405, Preview.status(answer), answer);
        assertTrue(answer.toLowerCase().contains("\r\nallow: get, head\r\n"), answer);
    }

    @Test
    void headAnswersLikeGetWithoutABody() throws Exception {
        byte[] body = preview.get("/mini/assets/bitext.css").body().getBytes(StandardCharsets.UTF_8);
        String answer = preview.raw("HEAD", "/mini/assets/bitext.css");
        assertEquals(200, Preview.status(answer));
        assertTrue(answer.toLowerCase().contains("\r\ncontent-length: " + body.length + "\r\n"), answer);
        assertTrue(answer.endsWith("\r\n\r\n"), "no body after the headers");
    }

    @ParameterizedTest
    @CsvSource({
        "/mini/index.html, text/html; charset=utf-8",
        "/mini/assets/bitext.css, text/css; charset=utf-8",
        "/mini/assets/bitext.js, text/javascript; charset=utf-8",
        "/mini/assets/favicon.svg, image/svg+xml; charset=utf-8",
        "/mini/edition.json, application/json; charset=utf-8",
        "/mini/sitemap.xml, application/xml; charset=utf-8",
        "/mini/robots.txt, text/plain; charset=utf-8",
    })
    void contentTypesSayUtf8(String path, String type) throws Exception {
        HttpResponse<String> r = preview.get(path);
        assertEquals(200, r.statusCode(), path);
        assertEquals(type, r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
    }

    @Test
    void directoriesServeTheirIndexAndGetTheirSlash() throws Exception {
        HttpResponse<String> topics = preview.get("/mini/topics/");
        assertEquals(200, topics.statusCode());
        assertTrue(topics.body().startsWith(Files.readString(preview.out.resolve("topics/index.html"))
                .substring(0, 40)), topics.body());
        HttpResponse<String> noSlash = preview.get("/mini/topics");
        assertEquals(301, noSlash.statusCode());
        assertEquals("/mini/topics/", noSlash.headers().firstValue("Location").orElseThrow());
        assertEquals(200, preview.get("/mini/").statusCode());
        assertEquals("/mini/", preview.get("/").headers().firstValue("Location").orElseThrow(),
                "the site lives under the base path of base_url, as on GitHub Pages");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/mini/missing.html", "/mini/a/b/c/missing", "/elsewhere/page.html", "/mini/.hidden"})
    void missingFilesGetThe404PageWithStatus404(String path) throws Exception {
        HttpResponse<String> r = preview.get(path);
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("Page not found"), r.body());
        assertEquals("text/html; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void aForeignHostNameIsRefused() throws IOException {
        // DNS rebinding: a web page whose name now points at 127.0.0.1 must not read the preview
        String answer = preview.raw("GET /mini/index.html HTTP/1.1\r\nHost: attacker.example:8000\r\nConnection: close\r\n\r\n");
        assertEquals(403, Preview.status(answer), answer);
        assertEquals(200, Preview.status(preview.raw("GET /mini/index.html HTTP/1.1\r\nHost: localhost:8000\r\n"
                + "Connection: close\r\n\r\n")));
    }
}
