package org.bitext.serve;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches folders recursively (new subfolders too) and reports changes in bursts: an editor's save
 * often arrives as several events (temporary file, rename, backup), so events are gathered until
 * the folders have been quiet for a moment, and the whole burst is reported once. With no quiet period,
 * what has arrived is reported at once (the preview does that, and drops a rebuild that a later change
 * overtakes).
 */
public final class Watcher implements AutoCloseable {
    private final WatchService service;
    private final Map<WatchKey, Path> keys = new HashMap<>();
    private final Path excluded;
    private final Duration quiet;
    private final Duration longest;
    private final Consumer<Set<Path>> onBurst;
    private final Thread thread;

    /**
     * @param roots   folders to watch with everything below them
     * @param exclude a folder never watched (the output folder, if it lies inside a root), or null
     * @param quiet   how long the folders must be still before a burst is reported (zero: report at once)
     * @param onBurst gets the changed paths of each burst, on the watcher's thread
     */
    public Watcher(List<Path> roots, Path exclude, Duration quiet, Consumer<Set<Path>> onBurst) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.excluded = exclude == null ? null : exclude.toAbsolutePath().normalize();
        this.quiet = quiet;
        this.longest = quiet.isZero() ? Duration.ofMillis(50) : quiet.multipliedBy(20);
        this.onBurst = onBurst;
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                registerTree(root.toAbsolutePath().normalize());
            }
        }
        this.thread = new Thread(this::loop, "bitext-watch");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void registerTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                if (excluded != null && d.startsWith(excluded)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                keys.put(d.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY), d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void loop() {
        while (true) {
            try {
                Set<Path> changed = new TreeSet<>();
                WatchKey key = service.take();
                handle(key, changed);
                long deadline = System.nanoTime() + longest.toNanos();
                // keep gathering until nothing has happened for `quiet` (or the burst runs too long);
                // with no quiet period, take only what has already arrived
                WatchKey more;
                while ((more = quiet.isZero() ? service.poll() : service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    handle(more, changed);
                    if (System.nanoTime() > deadline) {
                        break;
                    }
                }
                if (!changed.isEmpty()) {
                    report(changed);
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return; // closed: stop watching
            } catch (RuntimeException | Error e) {
                // e.g. out of memory while a rebuild holds it all: this change may be lost, later ones are not
                System.err.println("bitext: the preview watcher: " + e);
            }
        }
    }

    /** Whatever the receiver throws, the watcher goes on: a preview that stops watching is silently stale. */
    private void report(Set<Path> changed) {
        try {
            onBurst.accept(changed);
        } catch (RuntimeException | Error e) {
            System.err.println("bitext: the preview could not handle a change: " + e);
        }
    }

    private void handle(WatchKey key, Set<Path> changed) {
        Path dir = keys.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                if (dir != null) {
                    changed.add(dir); // events were lost: something changed in there
                }
                continue;
            }
            if (dir == null) {
                continue;
            }
            Path path = dir.resolve((Path) event.context());
            if (excluded != null && path.startsWith(excluded)) {
                continue;
            }
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
                try {
                    registerTree(path);
                } catch (IOException e) {
                    // it went away again; its parent's events still trigger a rebuild
                }
            }
            if (!ignored(path.getFileName().toString())) {
                changed.add(path);
            }
        }
        if (!key.reset()) {
            keys.remove(key);
        }
    }

    /** Editors' temporary and backup files: their coming and going is no reason to rebuild. */
    static boolean ignored(String name) {
        return name.startsWith(".") || name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".swx")
                || name.endsWith(".tmp") || name.equals("4913") || name.startsWith("#");
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
    }
}
