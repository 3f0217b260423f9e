package org.bitext.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes the site: every file goes into a fresh folder beside the output folder (the staging folder),
 * which is swapped in only once the whole site is written and checked, so a failed or interrupted
 * build never leaves a half-written site and never touches the previous one.
 *
 * <p>Files are written as they are made ({@link #create}, {@link #add}); a big page goes straight to
 * its file instead of being held in memory. A file that the output folder already holds with the same
 * bytes (a rebuild in {@code serve}) is hard-linked into the staging folder instead of written.
 *
 * <p>The folders beside the output folder {@code NAME} are {@code .NAME.new-*} (a site being made),
 * {@code .NAME.old-*} (the previous site, moved aside for the swap) and {@code .NAME.del-*} (an old
 * site being deleted). Each carries the {@linkplain OutputFolder#MARKER marker} from its first moment
 * until its last, so whatever a {@code kill -9} leaves is recognisably Bitext's: the next run puts a
 * {@code .NAME.old-*} back when {@code NAME} is missing (a kill between the two renames of the swap)
 * and deletes the rest. A build holds a lock on the marker of its staging folder, so a build running
 * at the same time leaves that folder alone.
 */
public final class Publisher implements Sink, AutoCloseable {
    /** A file larger than this is written out while it is made instead of being held until it is whole. */
    static final long SPILL_AT = 4L << 20;

    private final Path target;
    private final Path staging;
    private final long spillAt;
    private final boolean force;
    private final FileChannel markerChannel;
    private final Map<Path, Boolean> folders = new ConcurrentHashMap<>();
    private boolean swapped;
    private String leftOver;

    private Publisher(Path target, Path staging, FileChannel markerChannel, long spillAt, boolean force) {
        this.target = target;
        this.staging = staging;
        this.markerChannel = markerChannel;
        this.spillAt = spillAt;
        this.force = force;
    }

    /** Starts a new staging folder beside {@code out}. */
    public static Publisher open(Path out) throws IOException {
        return open(out, SPILL_AT, false);
    }

    /**
     * The same; {@code force}: replace {@code out} even if Bitext did not make it (the caller has
     * checked it with {@link OutputFolder#check}).
     */
    public static Publisher open(Path out, boolean force) throws IOException {
        return open(out, SPILL_AT, force);
    }

    /** The same, writing out every file larger than {@code spillAt} bytes while it is made (tests: 0). */
    public static Publisher open(Path out, long spillAt) throws IOException {
        return open(out, spillAt, false);
    }

    private static Publisher open(Path out, long spillAt, boolean force) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw OutputProblem.refused("refusing --out " + out + ": it is the root of the file system");
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw OutputProblem.failed("cannot make the folder " + parent + " for the site (" + OutputFolder.reason(e) + ")");
        }
        repair(target);
        Path staging;
        try {
            staging = newFolder(parent, prefix(target, NEW));
        } catch (IOException e) {
            throw OutputProblem.failed("cannot write the site beside " + target + " in " + parent + " ("
                    + OutputFolder.reason(e) + ")");
        }
        FileChannel marker = null;
        try {
            marker = FileChannel.open(staging.resolve(OutputFolder.MARKER), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            marker.write(ByteBuffer.wrap(OutputFolder.MARKER_TEXT));
            marker.lock(); // released when this process ends, however it ends
        } catch (IOException e) {
            if (marker != null) {
                marker.close();
            }
            deleteTree(staging);
            throw OutputProblem.failed("cannot write the site in " + staging + " (" + OutputFolder.reason(e) + ")");
        }
        return new Publisher(target, staging, marker, spillAt, force);
    }

    private static final String NEW = ".new-";
    private static final String OLD = ".old-";
    private static final String DEL = ".del-";

    private static String prefix(Path target, String kind) {
        return "." + target.getFileName() + kind;
    }

    /**
     * Repairs what an interrupted run left beside {@code target}: puts the newest {@code .NAME.old-*}
     * back when {@code target} is missing, then deletes every other folder of ours (marked, or empty)
     * that no running build holds. A folder that cannot be deleted is left for the next run. Runs at
     * the start of every build, even one that then fails on its input.
     */
    public static void repair(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null) {
            return;
        }
        List<Path> leftovers = new ArrayList<>();
        List<String> kinds = List.of(prefix(target, NEW), prefix(target, OLD), prefix(target, DEL));
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent,
                p -> kinds.stream().anyMatch(p.getFileName().toString()::startsWith))) {
            for (Path p : s) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    leftovers.add(p);
                }
            }
        } catch (IOException e) {
            return; // nothing to tidy that we can see; the build itself will say what is wrong
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            String old = prefix(target, OLD);
            leftovers.stream()
                    .filter(p -> p.getFileName().toString().startsWith(old) && OutputFolder.isOurs(p))
                    .max(Comparator.comparing(Publisher::modified))
                    .ifPresent(p -> {
                        try {
                            move(p, target);
                            leftovers.remove(p);
                        } catch (IOException e) {
                            // left as it is: a later run tries again
                        }
                    });
        }
        for (Path p : leftovers) {
            try {
                if (!OutputFolder.isEmpty(p) && (!OutputFolder.isOurs(p) || inUse(p))) {
                    continue; // not recognisably ours, or a build running now is writing it
                }
                deleteOurs(p);
            } catch (IOException e) {
                // left for the next run
            }
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** Whether a running build holds the marker of {@code dir} (a staging folder in use). */
    private static boolean inUse(Path dir) {
        try (FileChannel c = FileChannel.open(dir.resolve(OutputFolder.MARKER), StandardOpenOption.WRITE)) {
            FileLock lock = c.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by this very process
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes a folder of ours, its marker last, so a folder half deleted is still known as ours. */
    static void deleteOurs(Path dir) throws IOException {
        Path marker = dir.resolve(OutputFolder.MARKER);
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (!p.equals(marker)) {
                    deleteTree(p);
                }
            }
        } catch (NoSuchFileException e) {
            return; // another run deleted it first
        }
        Files.deleteIfExists(marker);
        Files.deleteIfExists(dir);
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

    /**
     * Puts the staging folder in place of the output folder, then deletes the old one. Once the new
     * site is in place nothing fails any more: an old folder that cannot be deleted is only reported
     * ({@link #leftOver}) and deleted by a later run.
     */
    public void swap() throws IOException {
        Path parent = target.getParent();
        Path old = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!force && !OutputFolder.isOurs(target) && !OutputFolder.isEmpty(target)) {
                // it changed since the build started: the same refusal as OutputFolder.check's
                throw OutputProblem.refused("refusing to replace " + target + ": it holds files Bitext did not make (no "
                        + OutputFolder.MARKER + " in it); move them away or pass --force");
            }
            old = freshName(parent, prefix(target, OLD));
            try {
                move(target, old);
            } catch (IOException e) {
                throw OutputProblem.failed("cannot move the old site " + target + " aside (" + OutputFolder.reason(e)
                        + "); it is unchanged");
            }
        }
        try {
            move(staging, target);
        } catch (IOException e) {
            if (old != null) {
                move(old, target); // put the old site back before saying anything
            }
            throw OutputProblem.failed("cannot move the new site into " + target + " (" + OutputFolder.reason(e)
                    + "); the old site is unchanged");
        }
        swapped = true;
        if (old != null) {
            Path doomed = old;
            try {
                doomed = parent.resolve(old.getFileName().toString().replace(prefix(target, OLD), prefix(target, DEL)));
                move(old, doomed); // from now on no run will put it back
                if (OutputFolder.isOurs(doomed)) {
                    deleteOurs(doomed);
                } else {
                    deleteTree(doomed); // a folder replaced with --force
                }
            } catch (IOException e) {
                leftOver = "the new site is in place, but the old one could not be deleted: " + doomed + " ("
                        + OutputFolder.reason(e) + "); the next build deletes it";
            }
        }
    }

    /** Why the old site is still beside the new one after {@link #swap}, or null when it is gone. */
    public String leftOver() {
        return leftOver;
    }

    /** A name in {@code parent} that starts with {@code prefix} and is not taken. */
    private static Path freshName(Path parent, String prefix) throws IOException {
        Path p = newFolder(parent, prefix);
        Files.delete(p);
        return p;
    }

    /**
     * A new folder in {@code parent} whose name starts with {@code prefix}. Made like any folder (the
     * user's umask decides its mode), not as a private temporary folder: it becomes the site, which a
     * web server running as another user must be able to read.
     */
    private static Path newFolder(Path parent, String prefix) throws IOException {
        while (true) {
            try {
                return Files.createDirectory(parent.resolve(prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong())));
            } catch (FileAlreadyExistsException taken) {
                // another name
            }
        }
    }

    /** Deletes the staging folder unless it was swapped in, and lets go of its lock. */
    @Override
    public void close() throws IOException {
        markerChannel.close();
        if (!swapped && Files.exists(staging)) {
            deleteOurs(staging);
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
