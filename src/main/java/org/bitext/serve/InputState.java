package org.bitext.serve;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the watched folders hold, file by file (size, modification time, file identity), without reading
 * them. Taken before a rebuild and again before its result is served: when the two differ, a save was
 * under way while the rebuild read its inputs (a file truncated and not yet written, a file renamed
 * away and not yet back), and that result is dropped for a new rebuild.
 */
record InputState(Map<Path, Stamp> files) {

    /** One file's size, modification time and identity (its inode, where the file system has one). */
    record Stamp(long size, long modifiedNanos, Object key) {
    }

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
                            files.put(file, new Stamp(a.size(), a.lastModifiedTime().toInstant().getEpochSecond() * 1_000_000_000L
                                    + a.lastModifiedTime().toInstant().getNano(), a.fileKey()));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        files.put(file, new Stamp(-1, 0, null)); // vanished mid-walk: a save under way
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                files.put(root, new Stamp(-1, 0, null)); // the folder itself is missing for now
            }
        }
        return new InputState(files);
    }
}
