package org.bitext.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Serves built sites on loopback under subpaths (like GitHub Pages' /repo/), so relative links are tested for real.
 * Records every request, so tests can assert what the browser asked for.
 */
final class SiteServer implements AutoCloseable {
    /** One request the browser made: its path and the status it got. */
    record Hit(String path, int status) {
    }

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml", "json", "application/json",
            "xml", "application/xml", "txt", "text/plain; charset=utf-8", "png", "image/png");

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Hit> hits = new ConcurrentLinkedQueue<>();
    private final Set<String> mounted = new HashSet<>();

    SiteServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            hits.add(new Hit(exchange.getRequestURI().getRawPath(), 404));
            send(exchange, 404, "text/plain", "not served".getBytes());
        });
        server.start();
    }

    /** Serves {@code dir} under {@code /prefix/}. */
    synchronized void mount(String prefix, Path dir) {
        String context = "/" + prefix + "/";
        if (!mounted.add(context)) {
            return;
        }
        server.createContext(context, exchange -> serve(exchange, context, dir));
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Absolute URL of {@code page} (relative to the mount, may carry ?query and #hash). */
    String url(String prefix, String page) {
        return origin() + "/" + prefix + "/" + page;
    }

    List<Hit> hits() {
        return new ArrayList<>(hits);
    }

    void clearHits() {
        hits.clear();
    }

    private void serve(HttpExchange exchange, String context, Path dir) throws IOException {
        String raw = exchange.getRequestURI().getPath();
        String rel = raw.substring(context.length());
        if (rel.isEmpty() || rel.endsWith("/")) {
            rel = rel + "index.html";
        }
        Path file = dir.resolve(rel).normalize();
        if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
            hits.add(new Hit(exchange.getRequestURI().getRawPath(), 404));
            send(exchange, 404, "text/plain", "not found".getBytes());
            return;
        }
        hits.add(new Hit(exchange.getRequestURI().getRawPath(), 200));
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1);
        send(exchange, 200, TYPES.getOrDefault(ext, "application/octet-stream"), Files.readAllBytes(file));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static boolean sameOrigin(String url, String origin) {
        URI u = URI.create(url);
        return (u.getScheme() + "://" + u.getAuthority()).equals(origin);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
