package org.bitext.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The preview's build state and its server-sent-event stream: every open page listens on
 * {@code /__bitext/events} and hears {@code reload} after a good rebuild and {@code errors} after a
 * failed one. A page that connects first gets {@code hello} with the current state. A page served ahead
 * of its rebuild ({@link OpenPages}) hears {@code reload} as soon as it is served, and then, when the
 * whole rebuild is served, only the new state: it is showing that build already.
 *
 * <p>A stream holds a server thread, so their number is capped; a closed page must give its place
 * back promptly. The server cannot see a page close until it writes to it (the first write after the
 * page has gone still succeeds, the next one fails), so: a stream ends itself after {@code reload}
 * (the page is reloading and connects again), a comment line every {@link #KEEP_ALIVE_MILLIS} finds
 * pages that went without a word, and a page that finds every place taken first makes the streams
 * write twice in quick succession, which frees the places of pages that have gone at once.
 */
final class LiveReload implements AutoCloseable {
    /** At most this many pages listen at once, so open tabs cannot tie up every server thread. */
    static final int MAX_CLIENTS = 32;
    private static final String CLOSE = "\u0000close";
    private static final String PROBE = "\u0000probe";
    static final long KEEP_ALIVE_MILLIS = 2000;
    /** How long a probed stream waits before its second write; loopback answers a write to a closed page in microseconds. */
    private static final long PROBE_GAP_MILLIS = 25;
    /** How long a page that found every place taken waits for the probes to free one. */
    private static final long ROOM_WAIT_MILLIS = 250;

    /** What the overlay needs: which build is served, and the errors of the last attempt (empty if it was good). */
    record Status(String build, List<BuildError> errors) {
        String json() {
            StringJoiner list = new StringJoiner(", ", "[", "]");
            for (BuildError e : errors) {
                list.add(e.json());
            }
            return "{\"build\": " + Json.quote(build) + ", \"errors\": " + list + "}\n";
        }
    }

    /** One listening page: its events to write, and its path in the site (null if it did not say). */
    private record Client(BlockingQueue<String> queue, String page) {
    }

    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final OpenPages pages;
    private volatile Status status = new Status("none", List.of());
    private volatile boolean closed;

    LiveReload(OpenPages pages) {
        this.pages = pages;
    }

    Status status() {
        return status;
    }

    /** How many pages are listening. */
    int listening() {
        return clients.size();
    }

    /** Build {@code build} is served; {@code servedAhead}: its pages that were served before it (they need no reload). */
    void succeeded(String build, Set<String> servedAhead) {
        status = new Status(build, List.of());
        String reload = event("reload", status.json());
        String state = event("errors", status.json());
        for (Client c : clients) {
            c.queue().offer(c.page() != null && servedAhead.contains(c.page()) ? state : reload);
        }
    }

    /** {@code page} of build {@code build} is served ahead of the rest: the pages showing it reload. */
    void servedAhead(String build, String page) {
        String reload = event("reload", new Status(build, List.of()).json());
        for (Client c : clients) {
            if (page.equals(c.page())) {
                c.queue().offer(reload);
            }
        }
    }

    void failed(List<BuildError> errors) {
        status = new Status(status.build(), List.copyOf(errors));
        broadcast(event("errors", status.json()));
    }

    private void broadcast(String event) {
        for (Client c : clients) {
            c.queue().offer(event);
        }
    }

    private static String event(String name, String json) {
        StringBuilder sb = new StringBuilder("event: ").append(name).append('\n');
        for (String line : json.strip().split("\n", -1)) {
            sb.append("data: ").append(line).append('\n');
        }
        return sb.append('\n').toString();
    }

    /**
     * Holds the exchange open and writes events until the page goes away or the server stops.
     * {@code page}: the path in the site of the page listening, or null.
     */
    void stream(HttpExchange ex, String page) throws IOException {
        if (!closed && clients.size() >= MAX_CLIENTS) {
            makeRoom();
        }
        if (closed || clients.size() >= MAX_CLIENTS) {
            byte[] body = "too many preview pages are open\n".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            ex.getResponseHeaders().set("Retry-After", "5");
            ex.sendResponseHeaders(503, body.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
            return;
        }
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.sendResponseHeaders(200, 0);
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        Client client = new Client(queue, page);
        if (page != null) {
            pages.listening(page);
        }
        clients.add(client);
        try (OutputStream os = ex.getResponseBody()) {
            Status now = status;
            Status hello = new Status(pages.buildOf(page, now.build()), now.errors()); // the build this page shows
            write(os, "retry: 1000\n\n" + event("hello", hello.json()));
            long wait = KEEP_ALIVE_MILLIS;
            while (!closed) {
                String next = queue.poll(wait, TimeUnit.MILLISECONDS);
                wait = KEEP_ALIVE_MILLIS;
                if (next == null) {
                    write(os, ": keep-alive\n\n"); // also finds out when the page has gone
                } else if (next.equals(CLOSE)) {
                    break;
                } else if (next.equals(PROBE)) {
                    write(os, ": still there?\n\n");
                    wait = PROBE_GAP_MILLIS; // the next write fails if the page has gone
                } else {
                    write(os, next);
                    if (next.startsWith("event: reload\n")) {
                        break; // the page reloads and connects again: give its place back now
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the page was closed or reloaded: nothing to do
        } finally {
            clients.remove(client);
            if (page != null) {
                pages.left(page);
            }
            ex.close();
        }
    }

    /** Probes every stream and waits a moment for the places of pages that have gone to come free. */
    private void makeRoom() throws IOException {
        broadcast(PROBE);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ROOM_WAIT_MILLIS);
        try {
            while (clients.size() >= MAX_CLIENTS && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void write(OutputStream os, String text) throws IOException {
        os.write(text.getBytes(StandardCharsets.UTF_8));
        os.flush();
    }

    @Override
    public void close() {
        closed = true;
        broadcast(CLOSE);
    }
}
