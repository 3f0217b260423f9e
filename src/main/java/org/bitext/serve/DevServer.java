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
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.bitext.Bitext;
import org.bitext.diag.BuildFailure;
import org.bitext.diag.Diagnostic;
import org.bitext.diag.Diagnostics;
import org.bitext.diag.Position;
import org.bitext.serve.BuildSession;

/**
 * The edit loop: builds the edition, serves the output folder on this machine, rebuilds in this JVM
 * whenever content or templates change, and tells open pages to reload (or to show the errors, while
 * the last good site stays served).
 *
 * <p>A save starts a rebuild at once, with no waiting period. The rebuild makes the pages readers have
 * open first and serves each as soon as it is made ({@link OpenPages}); the rest of the site follows,
 * with the link check, and is swapped in whole. A rebuild whose inputs changed while it
 * ran (a save still being written, a burst of saves) is not served: it is dropped just before the swap,
 * and the next rebuild, which starts after the last change, is. Rebuilds run on a thread of their own,
 * so that one that throws anything, runs out of memory or stack, or never ends, shows in the overlay
 * and leaves the watcher and the next save working.
 */
public final class DevServer implements AutoCloseable {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8000;
    /** A rebuild running longer than this is reported in the overlay, and the next save starts a new one. */
    static final Duration TIME_LIMIT = Duration.ofSeconds(20);
    /**
     * Inputs that never stop changing (a tool rewriting a file in a loop) must not freeze the preview:
     * after being dropped for this long, a good rebuild is served even though its inputs changed meanwhile.
     */
    static final Duration LONGEST_DEFERRAL = Duration.ofSeconds(2);
    /**
     * How long the watcher gathers events that follow each other closely: an in-place save truncates
     * and then writes, and a rebuild started between the two would be dropped.
     */
    static final Duration SETTLE = Duration.ofMillis(2);
    /** The warm-up after the first build: at most so many checks, for at most so long, and only after a first build this quick. */
    static final int WARM_UP_BUILDS = 20;
    static final Duration WARM_UP_AT_MOST = Duration.ofSeconds(3);
    static final Duration WARM_UP_IF_FIRST_BUILD_UNDER = Duration.ofSeconds(5);
    /** How long a rebuild waits for a changed file that is empty (most likely truncated by a save, not yet written). */
    static final Duration EMPTY_WAIT = Duration.ofMillis(20);

    /** Runs one build (a seam for tests, which make a build throw or hang). */
    @FunctionalInterface
    interface Builder {
        Bitext.Result build(Bitext.Options options, Diagnostics diags, BuildSession session) throws BuildFailure, IOException;
    }

    private final Bitext.Options options;
    private final String host;
    private final int port;
    private final boolean watch;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Builder builder;
    private final List<Path> watched;
    private final Path excluded;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final OpenPages openPages = new OpenPages();
    private final LiveReload live = new LiveReload(openPages);
    private final AtomicInteger builds = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final String serverId = Long.toString(System.nanoTime() & 0xffffffL, 36);
    private volatile String basePath = "/";
    private volatile Duration timeLimit = TIME_LIMIT;

    /** One build at a time: held by whoever runs a build (the rebuild thread, or a caller of {@link #rebuild}). */
    private final ReentrantLock building = new ReentrantLock();
    /** Kept between rebuilds: parsed templates, rendered Markdown, what the last good build published. */
    private volatile Kept kept;
    private int warningsShown = -1;
    /** When rebuilds started being dropped for changed inputs (0: the last one was served). */
    private volatile long droppedSince;
    /** How many builds were dropped since the last one served (the rebuild line says so). */
    private int dropped;

    /** Changes the rebuild thread has yet to build, guarded by {@link #state}. */
    private final ReentrantLock state = new ReentrantLock();
    private final Condition changes = state.newCondition();
    private final Set<Path> pending = new TreeSet<>();
    private volatile boolean stopping;
    /** Set by the first change the watcher reports: the warm-up stops. */
    private volatile boolean saved;
    private final AtomicInteger warmUps = new AtomicInteger();
    private boolean warmUp = true;
    /** What the inputs were when the site now served was built (null after a failure): a change back to it needs no build. */
    private volatile InputState servedInputs;

    private HttpServer server;
    private ExecutorService executor;
    private Watcher watcher;
    private Thread rebuilder;

    /**
     * @param watch false for a server that only rebuilds when {@link #rebuild} is called (tests)
     */
    public DevServer(Bitext.Options options, String host, int port, boolean watch, PrintWriter out, PrintWriter err) {
        this(options, host, port, watch, out, err, Bitext::build);
    }

    DevServer(Bitext.Options options, String host, int port, boolean watch, PrintWriter out, PrintWriter err,
            Builder builder) {
        this.options = options;
        this.host = host;
        this.port = port;
        this.watch = watch;
        this.out = out;
        this.err = err;
        this.builder = builder;
        this.watched = List.of(options.content(), options.templates());
        this.excluded = options.out().toAbsolutePath().normalize();
        this.kept = newSession();
    }

    /** Builds once, then starts serving and watching. A failed first build still serves (its errors). */
    public void start() throws IOException {
        long first = System.nanoTime();
        boolean good = rebuild(Set.of());
        boolean small = System.nanoTime() - first < WARM_UP_IF_FIRST_BUILD_UNDER.toNanos();
        InetAddress address = InetAddress.getByName(host);
        // The JDK's server writes a response's headers and body separately: without TCP_NODELAY the body
        // waits for the client's delayed acknowledgement of the headers, about 40 ms on every request.
        // Read once, when the JDK's server is first used in this JVM.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(address, port), 0);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bitext-serve");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", new SiteHandler(options.out(), () -> basePath, lock.readLock(), live, openPages,
                HostCheck.forServer(host, address)));
        server.start();
        if (watch) {
            rebuilder = new Thread(this::rebuildLoop, "bitext-rebuild");
            rebuilder.setDaemon(true);
            rebuilder.start();
            // no quiet period to speak of: each save is built at once, and a build that a later change overtakes is dropped
            watcher = new Watcher(watched, options.out(), SETTLE, this::changed);
            watcher.start();
            if (warmUp && good && small) {
                Thread warm = new Thread(this::warmUp, "bitext-warm-up");
                warm.setDaemon(true);
                warm.start();
            }
        }
    }

    /**
     * Until the first save, checks the edition a few times more, writing nothing: the JIT compiles the
     * build's code then, instead of during the editor's first saves. Only for an edition whose first
     * build was quick (a big one warms the JIT within its own build).
     */
    private void warmUp() {
        long end = System.nanoTime() + WARM_UP_AT_MOST.toNanos();
        while (!saved && !stopping && warmUps.get() < WARM_UP_BUILDS && System.nanoTime() < end) {
            try {
                Bitext.check(options, new Diagnostics());
            } catch (BuildFailure | IOException | RuntimeException e) {
                return; // nothing to gain; the editor's builds say what is wrong
            }
            warmUps.incrementAndGet();
        }
    }

    /** No warm-up after the first build (tests, which start many previews at once). */
    void noWarmUp() {
        warmUp = false;
    }

    /** How many warm-up checks have run (tests). */
    int warmUps() {
        return warmUps.get();
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

    /** True while a build waits to swap its site in (tests hold the swap lock to catch it there). */
    boolean swapWaiting() {
        return lock.hasQueuedThreads();
    }

    /** Live reload, for tests. */
    LiveReload live() {
        return live;
    }

    /** Sets the time after which a rebuild is reported as not finishing (tests use a short one). */
    void timeLimit(Duration limit) {
        this.timeLimit = limit;
    }

    /** How many builds have been attempted (the first included). */
    public int builds() {
        return builds.get();
    }

    /** Rebuilds now, on this thread; true if the build was good and is now served. */
    public boolean rebuild(Set<Path> changed) {
        building.lock();
        try {
            Attempt a = new Attempt(changed, kept, InputState.of(watched, excluded));
            a.run();
            return a.outcome == Outcome.SERVED;
        } finally {
            building.unlock();
        }
    }

    /** The watcher reports changed files: remember them and wake the rebuild thread. */
    private void changed(Set<Path> paths) {
        saved = true;
        state.lock();
        try {
            pending.addAll(paths);
            changes.signalAll();
        } finally {
            state.unlock();
        }
    }

    /** The rebuild thread: waits for changes and builds them, each build on a thread of its own. */
    private void rebuildLoop() {
        while (true) {
            Set<Path> changed = null;
            try {
                changed = nextChanges();
                if (changed == null) {
                    return;
                }
                awaitWritten(changed);
                InputState now = InputState.of(watched, excluded);
                if (now.equals(servedInputs)) {
                    continue; // the late events of a save that the served build has already read
                }
                building.lock();
                try {
                    supervise(new Attempt(changed, kept, now));
                } finally {
                    building.unlock();
                }
            } catch (InterruptedException e) {
                return; // closing
            } catch (RuntimeException | Error e) {
                // e.g. no memory left to start a build thread: report it, and try these changes again with the next
                err.println("bitext: the preview could not start a rebuild: " + e);
                err.flush();
                if (changed != null) {
                    changed(changed);
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException closing) {
                    return;
                }
            }
        }
    }

    /** Waits a moment for changed files that are empty to be written (an empty input is never what an editor meant). */
    private static void awaitWritten(Set<Path> changed) throws InterruptedException {
        long deadline = System.nanoTime() + EMPTY_WAIT.toNanos();
        while (System.nanoTime() < deadline && changed.stream().anyMatch(DevServer::empty)) {
            Thread.sleep(1);
        }
    }

    private static boolean empty(Path p) {
        try {
            return Files.isRegularFile(p) && Files.size(p) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits for changes; null once the server is closing. */
    private Set<Path> nextChanges() throws InterruptedException {
        state.lock();
        try {
            while (pending.isEmpty() && !stopping) {
                changes.await();
            }
            if (stopping) {
                return null;
            }
            Set<Path> changed = new TreeSet<>(pending);
            pending.clear();
            return changed;
        } finally {
            state.unlock();
        }
    }

    /**
     * Runs {@code a} on a new thread. One that outlasts the time limit is reported, and left to finish
     * while no other change comes; when one does, it is abandoned (it can no longer publish anything) and
     * the next build starts afresh, with a new session, since the old one is still in use.
     */
    private void supervise(Attempt a) throws InterruptedException {
        Thread t = new Thread(a::run, "bitext-build-" + builds.get());
        t.setDaemon(true);
        t.start();
        t.join(timeLimit.toMillis());
        if (!t.isAlive()) {
            return;
        }
        a.reportTimeout();
        state.lock();
        try {
            while (t.isAlive() && pending.isEmpty() && !stopping) {
                changes.await(50, TimeUnit.MILLISECONDS);
            }
        } finally {
            state.unlock();
        }
        if (t.isAlive() && a.abandon()) {
            t.interrupt();
            kept = newSession();
        }
    }

    /** A session, and the gate through which it swaps each new site in. */
    private record Kept(BuildSession session, SwapGate gate) {
    }

    private Kept newSession() {
        SwapGate gate = new SwapGate();
        return new Kept(BuildSession.kept(gate, gate), gate);
    }

    private enum Outcome { SERVED, FAILED, DROPPED }

    /** One build: what changed, the state of the inputs it started from, and what became of it. */
    private final class Attempt {
        final Set<Path> changed;
        final Kept kept;
        final BuildSession session;
        final InputState inputs;
        final long start = System.nanoTime();
        final int number = builds.incrementAndGet();
        /** The build's name in the live-reload state and in the pages it serves. */
        final String id = serverId + "-" + number;
        /** The pages served ahead of this build, once it is served whole. */
        volatile Set<String> servedAhead = Set.of();
        /** Set under the swap lock: either this build's site was swapped in, or it never will be. */
        volatile boolean published;
        volatile boolean abandoned;
        Outcome outcome;

        Attempt(Set<Path> changed, Kept kept, InputState inputs) {
            this.changed = changed;
            this.kept = kept;
            this.session = kept.session();
            this.inputs = inputs;
        }

        String what() {
            return changed.isEmpty() ? "Built" : "Rebuilt (" + describe(changed) + ")";
        }

        /** True if the inputs are what they were when this build started reading them. */
        boolean inputsUnchanged() {
            return InputState.of(watched, excluded).equals(inputs);
        }

        /** Called by the session, holding the swap lock, just before the new site would replace the old. */
        boolean mayPublish() {
            published = !abandoned && (inputsUnchanged()
                    || droppedSince != 0 && System.nanoTime() - droppedSince > LONGEST_DEFERRAL.toNanos());
            return published;
        }

        void run() {
            Diagnostics diags = new Diagnostics();
            kept.gate().attempt = this;
            try {
                Bitext.Result result = builder.build(options, diags, session);
                if (!abandoned) {
                    served(result, diags);
                }
            } catch (Dropped e) {
                dropped();
            } catch (BuildFailure e) {
                failed(diags);
            } catch (IOException | RuntimeException e) {
                diags.error(place(), "internal error: " + e);
                failed(diags);
            } catch (StackOverflowError e) {
                diags.error(place(), "the build ran out of stack space (is something nested very deeply?)",
                        "the last good build is still served; fix the input and save");
                renewSession(this);
                failed(diags);
            } catch (OutOfMemoryError e) {
                diags.error(place(), "the build ran out of memory (" + e.getMessage() + ")",
                        "the last good build is still served; a bigger heap (-Xmx) may help");
                renewSession(this);
                failed(diags);
            } catch (Error e) {
                diags.error(place(), "internal error: " + e);
                renewSession(this);
                failed(diags);
            }
        }

        /** Where an error that has no place of its own is shown: the first changed file, or the content folder. */
        private Position place() {
            Path p = changed.stream().filter(Files::isRegularFile).findFirst().orElse(options.content());
            return Position.of(p.toString());
        }

        private void served(Bitext.Result result, Diagnostics diags) {
            droppedSince = 0;
            servedInputs = inputs;
            int before = dropped;
            dropped = 0;
            outcome = Outcome.SERVED;
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
            live.succeeded(id, servedAhead);
            int reused = session.pagesReused();
            out.println(what() + ": " + result.fileCount() + " files in " + ms(start) + " ms"
                    + (reused == 0 ? "" : " (" + session.pagesRendered() + " pages rendered, " + reused + " unchanged)")
                    + (warnings == 0 ? "" : " (" + warnings + (warnings == 1 ? " warning)" : " warnings)"))
                    + (before == 0 ? "" : " (after " + before + (before == 1 ? " build" : " builds")
                            + " dropped: the files changed while it ran)"));
            out.flush();
        }

        /** Its inputs changed while it ran: build again, and say nothing (the next build speaks). */
        private void dropped() {
            outcome = Outcome.DROPPED;
            withdraw();
            if (!abandoned) {
                dropped++;
                if (droppedSince == 0) {
                    droppedSince = System.nanoTime();
                }
                again();
            }
        }

        private void failed(Diagnostics diags) {
            withdraw();
            if (abandoned) {
                return;
            }
            if (!inputsUnchanged()) {
                // most likely a save caught half-way (an empty or missing file): not worth an overlay
                dropped();
                return;
            }
            outcome = Outcome.FAILED;
            dropped = 0;
            servedInputs = null;
            report(diags, what(), start);
        }

        /** This build will not be served: neither are the pages served ahead of it any longer. */
        private void withdraw() {
            lock.writeLock().lock();
            try {
                openPages.withdraw(id);
            } finally {
                lock.writeLock().unlock();
            }
        }

        /** Puts this build's changes back, so that the rebuild thread builds them again. */
        private void again() {
            if (!watch) {
                return;
            }
            state.lock();
            try {
                pending.addAll(changed.isEmpty() ? watched : changed);
                changes.signalAll();
            } finally {
                state.unlock();
            }
        }

        void reportTimeout() {
            servedInputs = null;
            Diagnostics diags = new Diagnostics();
            long limit = timeLimit.toMillis();
            diags.error(place(), "the rebuild has not finished after " + (limit < 1000 ? limit + " ms" : limit / 1000 + " s")
                    + " (a template that never ends?)",
                    "the last good build is still served; the next save starts a new build");
            report(diags, what(), start);
        }

        /** Makes sure this build never publishes; false if it already has (then it is about to finish). */
        boolean abandon() {
            lock.writeLock().lock();
            try {
                if (published) {
                    return false;
                }
                abandoned = true;
                openPages.withdraw(id);
            } finally {
                lock.writeLock().unlock();
            }
            err.println(what() + " abandoned after " + ms(start) + " ms; starting over");
            err.flush();
            return true;
        }
    }

    /** After an Error the session may be half-updated: the next build starts from a new one. */
    private void renewSession(Attempt a) {
        if (!a.abandoned && kept == a.kept) {
            kept = newSession();
        }
    }

    /** Thrown by the swap gate to stop a build whose result must not be served. */
    private static final class Dropped extends RuntimeException {
        Dropped() {
            super("the inputs changed during the build", null, false, false);
        }
    }

    /**
     * The lock a session takes to swap its new site in. Holding the server's write lock (so requests
     * wait), it first asks the build under way whether it may be served, and stops it otherwise. Once
     * the new folder is in, the pages served ahead of the build are served from it. It also serves
     * those pages ahead, each as soon as it is made, when the inputs are still what the build read.
     */
    private final class SwapGate implements Lock, BuildSession.Ahead {
        volatile Attempt attempt;

        @Override
        public void lock() {
            lock.writeLock().lock();
            Attempt a = attempt;
            if (a != null && !a.mayPublish()) {
                lock.writeLock().unlock();
                throw new Dropped();
            }
        }

        @Override
        public void unlock() {
            Attempt a = attempt;
            if (a != null && a.published) {
                a.servedAhead = openPages.withdraw(a.id);
            }
            lock.writeLock().unlock();
        }

        @Override
        public List<String> open() {
            return openPages.now();
        }

        @Override
        public void serve(String path, byte[] bytes) {
            Attempt a = attempt;
            if (a == null || a.abandoned || !a.inputsUnchanged()) {
                return; // a save is under way: the build's result waits for the swap's own check, or is dropped
            }
            synchronized (openPages) { // abandon() sets the flag, then withdraws: either it sees this page, or this sees the flag
                if (a.abandoned) {
                    return;
                }
                openPages.serveAhead(a.id, path, bytes);
            }
            live.servedAhead(a.id, path);
        }

        @Override
        public void lockInterruptibly() {
            lock();
        }

        @Override
        public boolean tryLock() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean tryLock(long time, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException();
        }
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
        state.lock();
        try {
            stopping = true;
            changes.signalAll();
        } finally {
            state.unlock();
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
