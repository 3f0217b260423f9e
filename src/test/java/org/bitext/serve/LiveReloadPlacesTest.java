package org.bitext.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Places on the live-reload stream come back when pages go, so that every open tab keeps following edits. */
class LiveReloadPlacesTest {
    @TempDir
    Path dir;
    Preview preview;
    final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        preview = Preview.still(dir, null);
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        preview.close();
    }

    /** Opens the event stream the way a page does, and reads until {@code until} has arrived; returns what it read. */
    private Socket listen(StringBuilder read, String until) throws IOException {
        Socket s = new Socket("127.0.0.1", preview.server.address().getPort());
        sockets.add(s);
        s.setSoTimeout((int) Preview.WAIT.toMillis());
        s.getOutputStream().write(("GET " + SiteHandler.EVENTS + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        readUntil(s.getInputStream(), read, until);
        return s;
    }

    private static void readUntil(InputStream in, StringBuilder read, String until) throws IOException {
        while (!read.toString().contains(until)) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            read.append((char) b);
        }
    }

    @Test
    void theStreamEndsAfterAReloadEventSoThePlaceComesBackAtOnce() throws Exception {
        StringBuilder read = new StringBuilder();
        Socket page = listen(read, "event: hello");
        assertTrue(read.toString().startsWith("HTTP/1.1 200"), read.toString());
        assertTrue(preview.server.rebuild(Set.of()));
        StringBuilder rest = new StringBuilder();
        // the response ends with the last, empty chunk (the connection itself may stay open for another request);
        // a stream left open times out here instead
        readUntil(page.getInputStream(), rest, "event: reload");
        readUntil(page.getInputStream(), rest, "\r\n0\r\n\r\n");
        assertTrue(rest.toString().endsWith("\r\n0\r\n\r\n"), rest.toString());
        assertTrue(Preview.eventually(() -> preview.server.live().listening() == 0), "the place is free");
    }

    @Test
    void placesOfPagesThatWentAreFreedWhenANewPageNeedsOne() throws Exception {
        for (int i = 0; i < LiveReload.MAX_CLIENTS; i++) {
            listen(new StringBuilder(), "event: hello");
        }
        StringBuilder refused = new StringBuilder();
        listen(refused, "\r\n\r\n");
        assertTrue(refused.toString().startsWith("HTTP/1.1 503"), "every place is taken by a live page: " + refused);

        for (Socket s : sockets) {
            s.close(); // the tabs are closed without a word to the server
        }
        sockets.clear();
        StringBuilder next = new StringBuilder();
        listen(next, "\r\n\r\n");
        assertEquals("HTTP/1.1 200", next.substring(0, 12), "a new page gets a place: " + next);
    }
}
