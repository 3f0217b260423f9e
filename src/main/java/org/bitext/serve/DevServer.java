package org.bitext.serve;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.bitext.Bitext;
import org.bitext.diag.BuildFailure;
import org.bitext.diag.Diagnostic;
import org.bitext.diag.Diagnostics;
import org.bitext.diag.Position;
import org.bitext.site.BuildSession;

/**
 * The edit loop: builds the edition, serves the output folder on this machine, rebuilds in this JVM
 * whenever content or templates change, and tells open pages to reload (or to show the errors, while
 * the last good site stays served).
 */
public final class DevServer implements AutoCloseable {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8000;
    /** How long the watched folders must be still before a burst of saves becomes one rebuild. */
    static final Duration QUIET = Duration.ofMillis(120);

    private final Bitext.Options options;
    private final String host;
    private final int port;
    private final boolean watch;
    private final PrintWriter out;
    private final PrintWriter err;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** Kept between rebuilds: parsed templates, rendered Markdown, and what the last good build published. */
    private final BuildSession session = BuildSession.kept(lock.writeLock());
    private final LiveReload live = new LiveReload();
    private final AtomicInteger builds = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final String serverId = Long.toString(System.nanoTime() & 0xffffffL, 36);
    private volatile String basePath = "/";
    private int warningsShown = -1;
    private HttpServer server;
    private ExecutorService executor;
    private Watcher watcher;

    /**
     * @param watch false for a server that only rebuilds when {@link #rebuild} is called (tests)
     */
    public DevServer(Bitext.Options options, String host, int port, boolean watch, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.host = host;
        this.port = port;
        this.watch = watch;
        this.out = out;
        this.err = err;
    }

    /** Builds once, then starts serving and watching. A failed first build still serves (its errors). */
    public void start() throws IOException {
        rebuild(Set.of());
        InetAddress address = InetAddress.getByName(host);
        server = HttpServer.create(new InetSocketAddress(address, port), 0);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bitext-serve");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", new SiteHandler(options.out(), () -> basePath, lock.readLock(), live,
                address.isLoopbackAddress()));
        server.start();
        if (watch) {
            watcher = new Watcher(List.of(options.content(), options.templates()), options.out(), QUIET, this::rebuild);
            watcher.start();
        }
    }

    /** Where the site is served: host, port and the base path of {@code base_url}. */
    public URI uri() {
        InetSocketAddress a = server.getAddress();
        String h = a.getAddress().getHostAddress();
        return URI.create("http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + a.getPort() + basePath);
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The lock a rebuild holds while it swaps the output folder (requests wait on it); for tests. */
    Lock swapLock() {
        return lock.writeLock();
    }

    /** How many builds have been attempted (the first included). */
    public int builds() {
        return builds.get();
    }

    /** Rebuilds now; true if the build was good and is now served. */
    public synchronized boolean rebuild(Set<Path> changed) {
        long start = System.nanoTime();
        int n = builds.incrementAndGet();
        Diagnostics diags = new Diagnostics();
        String what = changed.isEmpty() ? "Built" : "Rebuilt (" + describe(changed) + ")";
        try {
            // the session swaps the new folder in holding the write lock: requests wait for the swap
            // instead of seeing no folder
            Bitext.Result result = Bitext.build(options, diags, session);
            String base = result.edition().meta().baseUrl();
            String path = base == null ? "/" : URI.create(base).getPath();
            basePath = path == null || path.isEmpty() ? "/" : path.endsWith("/") ? path : path + "/";
            int warnings = diags.warnings().size();
            if (warnings != warningsShown) { // the full list once, and again when it changes
                for (Diagnostic d : diags.sorted()) {
                    err.println(diags.format(d));
                }
                warningsShown = warnings;
            }
            live.succeeded(serverId + "-" + n);
            int reused = session.pagesReused();
            out.println(what + ": " + result.fileCount() + " files in " + ms(start) + " ms"
                    + (reused == 0 ? "" : " (" + session.pagesRendered() + " pages rendered, " + reused + " unchanged)")
                    + (warnings == 0 ? "" : " (" + warnings + (warnings == 1 ? " warning)" : " warnings)")));
            return true;
        } catch (BuildFailure e) {
            report(diags, what, start);
        } catch (IOException | RuntimeException e) {
            diags.error(Position.of(String.valueOf(options.out())), "internal error: " + e);
            report(diags, what, start);
        }
        return false;
    }

    private void report(Diagnostics diags, String what, long start) {
        List<BuildError> errors = new ArrayList<>();
        for (Diagnostic d : diags.sorted()) {
            if (d.isError()) {
                err.println(diags.format(d));
                errors.add(BuildError.of(d, diags));
            }
        }
        live.failed(errors);
        err.println(what + " failed with " + errors.size() + (errors.size() == 1 ? " error" : " errors") + " in "
                + ms(start) + " ms; still serving the last good build");
        err.flush();
        out.flush();
    }

    /** Names the changed file, preferring one that still exists (editors' temporary files come and go). */
    private static String describe(Set<Path> changed) {
        List<Path> existing = changed.stream().filter(Files::isRegularFile).toList();
        List<Path> names = existing.isEmpty() ? List.copyOf(changed) : existing;
        return names.get(0).getFileName() + (names.size() > 1 ? " and " + (names.size() - 1) + " more" : "");
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Blocks until {@link #close} is called. */
    public void await() throws InterruptedException {
        closed.await();
    }

    @Override
    public void close() {
        try {
            if (watcher != null) {
                watcher.close();
            }
        } catch (IOException ignored) {
            // shutting down anyway
        }
        live.close();
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
        closed.countDown();
    }
}
