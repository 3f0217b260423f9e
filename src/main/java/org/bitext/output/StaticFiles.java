package org.bitext.output;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import org.bitext.diag.Diagnostics;
import org.bitext.diag.Position;

/**
 * The static folder: files the user wants in the published site as they are ({@code CNAME},
 * {@code .nojekyll}, a PDF), copied verbatim, dotfiles included. By default it is {@code static/}
 * beside the content folder. Nothing outside it is ever published: a symlink is followed only to a
 * regular file inside the folder; any other symlink, and anything that is not a regular file, is an
 * error with its path.
 */
public final class StaticFiles {
    /** The name of the static folder beside the content folder. */
    public static final String FOLDER = "static";

    private StaticFiles() {
    }

    /** The default static folder for {@code content}: {@code static/} beside it. */
    public static Path besideContent(Path content) {
        Path parent = content.toAbsolutePath().normalize().getParent();
        if (parent == null) {
            return null;
        }
        Path here = Path.of("").toAbsolutePath();
        Path folder = parent.resolve(FOLDER);
        // as the user would write it: relative to the working folder when it lies inside it
        return folder.startsWith(here) ? here.relativize(folder) : folder;
    }

    /**
     * The files of {@code folder} by their path in the site ('/'-separated), each with the real file to
     * copy; an empty map when the folder does not exist. Problems go to {@code diags} as errors.
     */
    public static Map<String, Path> list(Path folder, Diagnostics diags) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        if (folder == null || !Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return files;
        }
        if (!Files.isDirectory(folder)) {
            diags.error(Position.of(folder.toString()), "the static folder " + folder + " is not a folder");
            return files;
        }
        Path root = folder.toRealPath();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = root.relativize(file).toString().replace('\\', '/');
                Position at = Position.of(folder.resolve(rel).toString());
                if (attrs.isRegularFile()) {
                    files.put(rel, file);
                } else if (attrs.isSymbolicLink()) {
                    Path to = Files.exists(file) ? file.toRealPath() : null;
                    if (to == null || !to.startsWith(root)) {
                        diags.error(at, "symlink leads outside the static folder" + (to == null ? " (or nowhere)" : ": " + to)
                                + "; only files inside it are published");
                    } else if (!Files.isRegularFile(to, LinkOption.NOFOLLOW_LINKS)) {
                        diags.error(at, "symlink to a folder in the static folder; copy the files instead");
                    } else {
                        files.put(rel, to);
                    }
                } else {
                    diags.error(at, "not a regular file; the static folder may hold only files and folders");
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                diags.error(Position.of(file.toString()), "cannot read " + file + " (" + OutputFolder.reason(e) + ")");
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }
}
