package org.bitext.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** While rebuilds swap the output folder, every request still gets a whole page of one build. */
class NoHalfSwapTest {
    @TempDir
    Path dir;

    @Test
    void aRequestArrivingMidSwapWaitsForTheNewFolder() throws Exception {
        try (Preview preview = Preview.still(dir, null)) {
            Path aside = preview.out.resolveSibling(".site.old-test");
            CompletableFuture<HttpResponse<String>> answer;
            preview.server.swapLock().lock();
            try {
                // the moment between Publisher's two renames: no output folder at all
                Files.move(preview.out, aside);
                answer = preview.http.sendAsync(HttpRequest.newBuilder(preview.uri("/mini/index.html")).build(),
                        HttpResponse.BodyHandlers.ofString());
                Thread.sleep(300); // give a request that does not wait every chance to see the gap
                assertFalse(answer.isDone(), "answered while the folder was being swapped");
                Files.move(aside, preview.out);
            } finally {
                preview.server.swapLock().unlock();
            }
            HttpResponse<String> r = answer.get(Preview.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(200, r.statusCode());
            assertTrue(r.body().stripTrailing().endsWith("</html>"));
        }
    }

    @Test
    void requestsDuringRebuildsAlwaysGetWholePages() throws Exception {
        try (Preview preview = Preview.still(dir, null)) {
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger answered = new AtomicInteger();
            List<String> bad = new CopyOnWriteArrayList<>();
            Runnable reader = () -> {
                String[] pages = {"/mini/index.html", "/mini/sections/part-one.html", "/mini/assets/bitext.css"};
                int i = 0;
                while (running.get()) {
                    String page = pages[i++ % pages.length];
                    try {
                        HttpResponse<String> r = preview.get(page);
                        answered.incrementAndGet();
                        boolean whole = page.endsWith(".css") || r.body().stripTrailing().endsWith("</html>");
                        if (r.statusCode() != 200 || !whole) {
                            bad.add(page + " -> " + r.statusCode());
                        }
                    } catch (Exception e) {
                        bad.add(page + " -> " + e);
                    }
                }
            };
            Thread a = new Thread(reader);
            Thread b = new Thread(reader);
            a.start();
            b.start();
            for (int i = 0; i < 10; i++) {
                assertTrue(preview.server.rebuild(Set.of()), preview.log.toString());
            }
            running.set(false);
            a.join();
            b.join();
            assertTrue(answered.get() > 0);
            assertEquals(List.of(), bad, "requests answered during a swap");
        }
    }
}
