package org.bitext.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The preview's build state and its server-sent-event stream: every open page listens on
 * {@code /__bitext/events} and hears {@code reload} after a good rebuild and {@code errors} after a
 * failed one. A page that connects first gets {@code hello} with the current state.
 */
final class LiveReload implements AutoCloseable {
    /** At most this many pages listen at once, so open tabs cannot tie up every server thread. */
    static final int MAX_CLIENTS = 32;
    private static final String CLOSE = "\u0000close";
    private static final long KEEP_ALIVE_SECONDS = 15;

    /** What the overlay needs: which build is served, and the errors of the last attempt (empty if it was good). */
    record Status(String build, List<BuildError> errors) {
        String json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("build", build);
            List<Object> list = new ArrayList<>();
            for (BuildError e : errors) {
                list.add(e.toJson());
            }
            m.put("errors", list);
            return Json.write(m);
        }
    }

    private final Set<BlockingQueue<String>> clients = ConcurrentHashMap.newKeySet();
    private volatile Status status = new Status("none", List.of());
    private volatile boolean closed;

    Status status() {
        return status;
    }

    void succeeded(String build) {
        status = new Status(build, List.of());
        broadcast(event("reload", status.json()));
    }

    void failed(List<BuildError> errors) {
        status = new Status(status.build(), List.copyOf(errors));
        broadcast(event("errors", status.json()));
    }

    private void broadcast(String event) {
        for (BlockingQueue<String> q : clients) {
            q.offer(event);
        }
    }

    private static String event(String name, String json) {
        StringBuilder sb = new StringBuilder("event: ").append(name).append('\n');
        for (String line : json.strip().split("\n", -1)) {
            sb.append("data: ").append(line).append('\n');
        }
        return sb.append('\n').toString();
    }

    /** Holds the exchange open and writes events until the page goes away or the server stops. */
    void stream(HttpExchange ex) throws IOException {
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
        clients.add(queue);
        try (OutputStream os = ex.getResponseBody()) {
            write(os, "retry: 1000\n\n" + event("hello", status.json()));
            while (!closed) {
                String next = queue.poll(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
                if (next == null) {
                    write(os, ": keep-alive\n\n"); // also finds out when the page has gone
                } else if (next.equals(CLOSE)) {
                    break;
                } else {
                    write(os, next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the page was closed or reloaded: nothing to do
        } finally {
            clients.remove(queue);
            ex.close();
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
