package org.bitext.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bitext.Bitext;
import org.bitext.TestSupport;

/**
 * A preview server on a free loopback port over a temporary copy of the mini fixture and of the
 * templates, with helpers to talk HTTP to it (for tests).
 */
public final class Preview implements AutoCloseable {
    /** The bound on anything a test waits for (a rebuild, an event): generous, never a timing assertion. */
    public static final Duration WAIT = Duration.ofSeconds(10);

    public final Path content;
    public final Path templates;
    public final Path out;
    public final DevServer server;
    public final StringWriter log = new StringWriter();
    public final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Preview(Path dir, boolean watch, String baseUrl) throws IOException {
        this(dir, watch, baseUrl, DevServer.DEFAULT_HOST, Bitext::build);
    }

    private Preview(Path dir, boolean watch, String baseUrl, String host, DevServer.Builder builder) throws IOException {
        this(dir, watch, baseUrl, host, builder, false);
    }

    private Preview(Path dir, boolean watch, String baseUrl, String host, DevServer.Builder builder, boolean warmUp)
            throws IOException {
        content = TestSupport.copyMini(dir.resolve("content"));
        if (baseUrl != null) {
            TestSupport.replaceIn(content.resolve("edition.yaml"), "https://example.github.io/mini/", baseUrl);
        }
        templates = copyTree(TestSupport.TEMPLATES, dir.resolve("templates"));
        out = dir.resolve("work").resolve("site");
        PrintWriter w = new PrintWriter(log, true);
        server = new DevServer(new Bitext.Options(content, templates, out, false), host, 0, watch, w, w, builder);
        if (!warmUp) {
            server.noWarmUp(); // many previews start at once in the suite; WarmUpTest covers the warm-up
        }
        server.start();
    }

    /** A watching preview of the mini fixture (base path /mini/). */
    public static Preview start(Path dir) throws IOException {
        return new Preview(dir, true, null);
    }

    /** A watching preview that warms the JIT up after its first build, as {@code bitext serve} does. */
    static Preview warming(Path dir) throws IOException {
        return new Preview(dir, true, null, DevServer.DEFAULT_HOST, Bitext::build, true);
    }

    /** A watching preview whose builds go through {@code builder} (which may throw or hang on purpose). */
    static Preview start(Path dir, DevServer.Builder builder) throws IOException {
        return new Preview(dir, true, null, DevServer.DEFAULT_HOST, builder);
    }

    /** A preview that rebuilds only when asked, listening on {@code host}. */
    static Preview listening(Path dir, String host) throws IOException {
        return new Preview(dir, false, null, host, Bitext::build);
    }

    /** A preview that rebuilds only when asked, with the given base_url. */
    public static Preview still(Path dir, String baseUrl) throws IOException {
        return new Preview(dir, false, baseUrl);
    }

    public URI uri(String path) {
        var a = server.address();
        return URI.create("http://127.0.0.1:" + a.getPort() + path);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends {@code request} byte for byte over a socket (no client normalises the path) and returns the
     * whole answer as text, headers included.
     */
    public String raw(String request) throws IOException {
        InetAddress at = server.address().getAddress();
        try (Socket s = new Socket(at.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : at, server.address().getPort())) {
            s.setSoTimeout((int) WAIT.toMillis());
            OutputStream os = s.getOutputStream();
            os.write(request.getBytes(StandardCharsets.ISO_8859_1));
            os.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The answer to {@code METHOD path} with Connection: close. */
    public String raw(String method, String path) throws IOException {
        return raw(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    }

    public static int status(String rawAnswer) {
        return Integer.parseInt(rawAnswer.substring(9, 12));
    }

    /** Opens the live-reload event stream; its lines arrive in the returned queue. */
    public BlockingQueue<String> events() {
        return events(SiteHandler.EVENTS);
    }

    /** Opens the live-reload event stream of the page at URL path {@code page}, as reload.js does. */
    public BlockingQueue<String> eventsOf(String page) {
        return events(SiteHandler.EVENTS + "?page=" + URLEncoder.encode(page, StandardCharsets.UTF_8));
    }

    private BlockingQueue<String> events(String path) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest req = HttpRequest.newBuilder(uri(path)).build();
        http.sendAsync(req, HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> {
            Thread t = new Thread(() -> {
                try (Stream<String> s = r.body()) {
                    s.forEach(lines::add);
                } catch (RuntimeException e) {
                    // stream ended with the server
                }
            }, "test-sse");
            t.setDaemon(true);
            t.start();
        });
        return lines;
    }

    /** Takes lines from the stream until {@code line} arrives (true) or the bound passes (false). */
    public static boolean awaitLine(BlockingQueue<String> lines, String line) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String next = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line.equals(next)) {
                return true;
            }
        }
        return false;
    }

    /** Polls {@code condition} until it holds (true) or the bound passes (false). */
    public static boolean eventually(Check condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.holds();
    }

    /** A condition that may do I/O. */
    @FunctionalInterface
    public interface Check {
        boolean holds() throws Exception;
    }

    public static Path copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
                return FileVisitResult.CONTINUE;
            }
        });
        return to;
    }

    @Override
    public void close() {
        server.close();
    }
}
