package org.bitext.serve;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;
import org.bitext.output.FileBytes;

/**
 * Answers the preview's HTTP requests: files of the output folder only, GET and HEAD only. The site is
 * mounted at the base path of its {@code base_url} (as on GitHub Pages), so 404.html and every
 * relative link behave as they will when published. HTML gets one external script tag, for live
 * reload, at serve time; the files on disk are never changed. A page served ahead of its rebuild
 * ({@link OpenPages}) is answered from memory until the rebuild's folder takes its place.
 */
final class SiteHandler implements HttpHandler {
    static final String PREFIX = "/__bitext/";
    static final String RELOAD_JS = PREFIX + "reload.js";
    static final String EVENTS = PREFIX + "events";
    static final String STATUS = PREFIX + "status";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("xml", "application/xml; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml; charset=utf-8"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("pdf", "application/pdf"));

    private final Path root;
    private final Supplier<String> basePath;
    private final Lock readLock;
    private final LiveReload live;
    private final OpenPages pages;
    private final HostCheck hosts;
    private final byte[] reloadJs;
    private final byte[] waitingHtml;

    SiteHandler(Path root, Supplier<String> basePath, Lock readLock, LiveReload live, OpenPages pages, HostCheck hosts) {
        this.root = root.toAbsolutePath().normalize();
        this.basePath = basePath;
        this.readLock = readLock;
        this.live = live;
        this.pages = pages;
        this.hosts = hosts;
        this.reloadJs = resource("reload.js");
        this.waitingHtml = resource("waiting.html");
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try {
            respond(ex);
        } catch (IOException | RuntimeException e) {
            // a page that goes away mid-answer is normal; anything else must not kill the server
            ex.close();
        }
    }

    private void respond(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            ex.getResponseHeaders().set("Allow", "GET, HEAD");
            text(ex, 405, "405 method not allowed: the preview answers only GET and HEAD\n");
            return;
        }
        if (!hosts.allows(ex.getRequestHeaders().getFirst("Host"))) {
            // a page on another site that rebinds its name to this machine must not read the preview
            text(ex, 403, "403 forbidden: unexpected Host header\n");
            return;
        }
        URI uri = ex.getRequestURI();
        String raw = uri.getRawPath();
        if (raw == null || !raw.startsWith("/")) {
            text(ex, 400, "400 bad request\n");
            return;
        }
        if (raw.startsWith(PREFIX)) {
            preview(ex, raw, uri.getQuery());
            return;
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00") || raw.contains("\\")) {
            text(ex, 400, "400 bad request: encoded slashes are not allowed in a path\n");
            return;
        }
        String path = uri.getPath();
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                text(ex, 400, "400 bad request: '..' and '.' are not allowed in a path\n");
                return;
            }
        }
        String base = basePath.get();
        if (path.equals(base.substring(0, base.length() - 1)) && base.length() > 1) {
            redirect(ex, raw + "/", uri.getRawQuery());
            return;
        }
        if (!path.startsWith(base)) {
            if (path.equals("/")) {
                redirect(ex, base, null); // the site lives under its base path, as it will on GitHub Pages
            } else {
                notFound(ex);
            }
            return;
        }
        String rel = path.substring(base.length());
        for (String segment : rel.split("/", -1)) {
            if (segment.startsWith(".")) {
                notFound(ex); // dotfiles are never published
                return;
            }
        }
        serveFile(ex, rel, raw, uri.getRawQuery());
    }

    private void serveFile(HttpExchange ex, String rel, String raw, String query) throws IOException {
        int status;
        byte[] body;
        String type;
        String page = rel.isEmpty() || rel.endsWith("/") ? rel + "index.html" : rel;
        String build = null;
        readLock.lock(); // a rebuild swaps the folder under the write lock: never read half a swap
        try {
            Path file = root.resolve(rel).normalize();
            OpenPages.Served ahead = pages.ahead(page);
            if (ahead != null) {
                body = ahead.bytes();
                status = 200;
                type = TYPES.get("html");
                build = ahead.build();
            } else if (!file.startsWith(root)) {
                body = null;
                status = 400;
                type = null;
            } else if (Files.isDirectory(file) && !rel.isEmpty() && !rel.endsWith("/")) {
                body = null;
                status = 301;
                type = null;
            } else {
                if (Files.isDirectory(file)) {
                    file = file.resolve("index.html");
                }
                body = inside(file) ? FileBytes.read(file) : null;
                if (body == null && Files.exists(file, LinkOption.NOFOLLOW_LINKS) && Files.exists(file)) {
                    status = 403; // exists, but its real path leaves the output folder (a symlink)
                } else if (body == null) {
                    status = 404;
                } else {
                    status = 200;
                }
                type = contentType(file.getFileName().toString());
            }
        } finally {
            readLock.unlock();
        }
        boolean html = status == 200 && type.startsWith("text/html");
        if (html) {
            pages.requested(page);
        }
        switch (status) {
            case 200 -> send(ex, 200, type, html ? inject(body, build) : body);
            case 301 -> redirect(ex, raw + "/", query);
            case 403 -> text(ex, 403, "403 forbidden: this file lies outside the output folder\n");
            case 404 -> notFound(ex);
            default -> text(ex, 400, "400 bad request\n");
        }
    }

    /** True if {@code file} is a regular file whose real path (symlinks resolved) is inside the output folder. */
    private boolean inside(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        return file.toRealPath().startsWith(root.toRealPath());
    }

    private void notFound(HttpExchange ex) throws IOException {
        byte[] page;
        readLock.lock();
        try {
            Path file = root.resolve("404.html");
            page = Files.isDirectory(root) && inside(file) ? FileBytes.read(file) : null;
        } finally {
            readLock.unlock();
        }
        if (page != null) {
            send(ex, 404, TYPES.get("html"), inject(page, null));
        } else if (!live.status().errors().isEmpty()) {
            send(ex, 503, TYPES.get("html"), inject(waitingHtml, null)); // no good build yet: show the errors
        } else {
            text(ex, 404, "404 not found\n");
        }
    }

    private void preview(HttpExchange ex, String raw, String query) throws IOException {
        switch (raw) {
            case RELOAD_JS -> send(ex, 200, TYPES.get("js"), reloadJs);
            case STATUS -> send(ex, 200, TYPES.get("json"), live.status().json().getBytes(StandardCharsets.UTF_8));
            case EVENTS -> {
                if (ex.getRequestMethod().equals("HEAD")) {
                    ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
                    ex.sendResponseHeaders(200, -1);
                    ex.close();
                } else {
                    live.stream(ex, listeningPage(query));
                }
            }
            default -> text(ex, 404, "404 not found\n");
        }
    }

    /**
     * The page a live-reload stream listens from, as a path in the site: its query is {@code page=}
     * and the page's URL path. Null when it does not say, or names no page of the site.
     */
    private String listeningPage(String query) {
        if (query == null || !query.startsWith("page=")) {
            return null;
        }
        String path = query.substring("page=".length());
        String base = basePath.get();
        if (!path.startsWith(base) || path.contains("/.") || path.contains("\\")) {
            return null;
        }
        String rel = path.substring(base.length());
        return rel.isEmpty() || rel.endsWith("/") ? rel + "index.html" : rel;
    }

    /**
     * Adds the live-reload script (external, so the pages' Content-Security-Policy allows it), naming
     * the build the page comes from: {@code build}, or the one served when null.
     */
    private byte[] inject(byte[] html, String build) {
        String from = build != null ? build : live.status().build();
        byte[] tag = ("<script src=\"" + RELOAD_JS + "?build=" + from + "\" defer></script>\n").getBytes(StandardCharsets.UTF_8);
        int at = headEnd(html);
        byte[] page = new byte[html.length + tag.length];
        System.arraycopy(html, 0, page, 0, at);
        System.arraycopy(tag, 0, page, at, tag.length);
        System.arraycopy(html, at, page, at + tag.length, html.length - at);
        return page;
    }

    private static final byte[] HEAD_END = "</head>".getBytes(StandardCharsets.US_ASCII);

    /**
     * Where the first {@code </head>} starts, in any case, or the end of the page. Compared byte by
     * byte: in UTF-8 no byte of another character equals an ASCII one.
     */
    static int headEnd(byte[] html) {
        outer:
        for (int i = 0; i + HEAD_END.length <= html.length; i++) {
            for (int j = 0; j < HEAD_END.length; j++) {
                int b = html[i + j];
                if ((b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b) != HEAD_END[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return html.length;
    }

    static String contentType(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private void redirect(HttpExchange ex, String location, String query) throws IOException {
        ex.getResponseHeaders().set("Location", location + (query == null ? "" : "?" + query));
        text(ex, 301, "moved to " + location + "\n");
    }

    private void text(HttpExchange ex, int status, String message) throws IOException {
        send(ex, status, TYPES.get("txt"), message.getBytes(StandardCharsets.UTF_8));
    }

    private void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        if (ex.getRequestMethod().equals("HEAD")) {
            h.set("Content-Length", String.valueOf(body.length));
            ex.sendResponseHeaders(status, -1);
        } else {
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        }
        ex.close();
    }

    private static byte[] resource(String name) {
        try (InputStream in = SiteHandler.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource org/bitext/serve/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
