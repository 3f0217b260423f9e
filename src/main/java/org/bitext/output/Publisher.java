package org.bitext.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the site: every file goes into a fresh folder beside the output folder (the staging folder),
 * which is swapped in only once the whole site is written and checked, so a failed or interrupted
 * build never leaves a half-written site and never touches the previous one.
 *
 * <p>Files are written as they are made ({@link #create}, {@link #add}); a big page goes straight to
 * its file instead of being held in memory. A file that the output folder already holds with the same
 * bytes (a rebuild in {@code serve}) is hard-linked into the staging folder instead of written.
 */
public final class Publisher implements Sink, AutoCloseable {
    /** A file larger than this is written out while it is made instead of being held until it is whole. */
    static final long SPILL_AT = 4L << 20;

    private final Path target;
    private final Path staging;
    private final long spillAt;
    private final Map<Path, Boolean> folders = new ConcurrentHashMap<>();
    private boolean swapped;

    private Publisher(Path target, Path staging, long spillAt) {
        this.target = target;
        this.staging = staging;
        this.spillAt = spillAt;
    }

    /** Starts a new staging folder beside {@code out}. */
    public static Publisher open(Path out) throws IOException {
        return open(out, SPILL_AT);
    }

    /** The same, writing out every file larger than {@code spillAt} bytes while it is made (tests: 0). */
    public static Publisher open(Path out, long spillAt) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        return new Publisher(target, Files.createTempDirectory(parent, "." + target.getFileName() + ".new-"), spillAt);
    }

    @Override
    public PageOut create(String path) throws IOException {
        return new PageOut(place(path), spillAt);
    }

    @Override
    public void add(String path, PageOut file, boolean unchanged) throws IOException {
        if (!file.inMemory()) {
            return; // already written to its place while it was made
        }
        Path p = place(path);
        if (unchanged) {
            try {
                Files.createLink(p, target.resolve(path));
                return;
            } catch (IOException | UnsupportedOperationException e) {
                // no hard links here (or the old file just went away): write the bytes instead
            }
        }
        Files.write(p, file.bytes());
    }

    /** The place of a file in the staging folder, with its folder made; never outside it. */
    private Path place(String path) throws IOException {
        Path p = inside(staging, path);
        try {
            // other threads wait here until the folder they need exists
            folders.computeIfAbsent(p.getParent(), dir -> {
                try {
                    Files.createDirectories(dir);
                    return Boolean.TRUE;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return p;
    }

    /** Puts the staging folder in place of the output folder, then deletes the old one. */
    public void swap() throws IOException {
        Path parent = target.getParent();
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(parent, "." + target.getFileName() + ".old-");
            Files.delete(old);
            move(target, old);
        }
        move(staging, target);
        swapped = true;
        if (old != null) {
            deleteTree(old);
        }
    }

    /** Deletes the staging folder unless it was swapped in. */
    @Override
    public void close() throws IOException {
        if (!swapped && Files.exists(staging)) {
            deleteTree(staging);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** {@code path} (relative to the site root) under {@code folder}; never outside it. */
    static Path inside(Path folder, String path) throws IOException {
        Path p = folder.resolve(path).normalize();
        if (!p.startsWith(folder) || p.equals(folder)) {
            throw new IOException("refusing to write outside the output folder: " + path);
        }
        return p;
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
