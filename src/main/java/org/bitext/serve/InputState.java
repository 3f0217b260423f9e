package org.bitext.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * What the watched folders hold, file by file (size, modification time, file identity and a checksum of
 * the content). Taken before a rebuild and again before its result is served: when the two differ, a
 * save was under way while the rebuild read its inputs (a file truncated and not yet written, a file
 * renamed away and not yet back), and that result is dropped for a new rebuild. When they are the same,
 * what the rebuild read is what is there now, however many file events came in meanwhile (a save's
 * events often arrive after the rebuild it started has read the saved file).
 */
record InputState(Map<Path, Stamp> files) {

    /** One file's size, modification time, identity (its inode, where the file system has one) and checksum. */
    record Stamp(long size, long modifiedNanos, Object key, long checksum) {
    }

    private static final Stamp GONE = new Stamp(-1, 0, null, 0);

    /** The state of every file under {@code roots}, leaving out {@code excluded} and editors' scratch files. */
    static InputState of(List<Path> roots, Path excluded) {
        Map<Path, Stamp> files = new TreeMap<>();
        for (Path root : roots) {
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        boolean skip = excluded != null && dir.toAbsolutePath().normalize().startsWith(excluded)
                                || !dir.equals(root) && Watcher.ignored(dir.getFileName().toString());
                        return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                        if (!Watcher.ignored(file.getFileName().toString())) {
                            files.put(file, stamp(file, a));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        files.put(file, GONE); // vanished mid-walk: a save under way
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                files.put(root, GONE); // the folder itself is missing for now
            }
        }
        return new InputState(files);
    }

    /**
     * The checksum catches what size and time cannot: a rewrite of the same length within the file
     * system's timestamp granularity (a few milliseconds).
     */
    private static Stamp stamp(Path file, BasicFileAttributes a) {
        CRC32 crc = new CRC32();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
            }
        } catch (IOException e) {
            return GONE;
        }
        Instant t = a.lastModifiedTime().toInstant();
        return new Stamp(a.size(), t.getEpochSecond() * 1_000_000_000L + t.getNano(), a.fileKey(), crc.getValue());
    }
}
