package org.bitext.output;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Decides whether a folder may be replaced by a site. A build replaces its output folder whole, so
 * the folder must never be, hold or lie inside something the user made: the content, the templates,
 * the static files, a project, the working folder, the root. And an existing folder is replaced only
 * when Bitext made it, which every site says with a small marker file ({@link #MARKER}), unless the
 * user forces it.
 */
public final class OutputFolder {
    /** The file every site carries, so a later build knows the folder is one it may replace. */
    public static final String MARKER = ".bitext-site";

    /** What the marker says (always the same bytes: the site stays deterministic). */
    static final byte[] MARKER_TEXT = ("Made by Bitext. A build replaces this whole folder;"
            + " keep files of your own in static/ beside content/.\n").getBytes(StandardCharsets.UTF_8);

    /** Any of these in a folder makes it a project folder, never to be replaced. */
    private static final List<String> PROJECT_SIGNS = List.of("pom.xml", ".git", "content");

    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private OutputFolder() {
    }

    /** A folder the output folder must keep clear of, and what to call it. */
    private record Guarded(String name, Path path, boolean noneInside) {
    }

    /**
     * Checks that a site may be published at {@code out} and returns where it goes: the real path of
     * {@code out}, with symlinks and '..' resolved (a symlink to a folder is written through, not
     * replaced). {@code staticFolder} may be null.
     *
     * @throws OutputProblem (refused) naming the reason in one line
     */
    public static Path check(Path out, Path content, Path templates, Path staticFolder, boolean force) throws OutputProblem {
        Path o = real(out);
        String refusing = "refusing --out " + out + ": ";
        if (o.getParent() == null) {
            throw OutputProblem.refused(refusing + "it is the root of the file system; name a folder for the site");
        }
        if (Files.exists(o, NOFOLLOW) && !Files.exists(o)) {
            throw OutputProblem.refused(refusing + "it is a symlink that leads nowhere");
        }
        if (Files.exists(o) && !Files.isDirectory(o)) {
            throw OutputProblem.refused(refusing + "it is a file, not a folder");
        }
        for (Path a = o.getParent(); a != null; a = a.getParent()) {
            if (Files.exists(a) && !Files.isDirectory(a)) {
                throw OutputProblem.refused(refusing + a + " is a file, so no folder can be made inside it");
            }
        }
        List<Guarded> guarded = new ArrayList<>(List.of(
                new Guarded("content folder", content, true),
                new Guarded("templates folder", templates, true),
                new Guarded("working folder", Path.of(""), false)));
        if (staticFolder != null) {
            guarded.add(new Guarded("static folder", staticFolder, true));
        }
        for (Guarded g : guarded) {
            Path p = real(g.path());
            if (o.equals(p)) {
                throw OutputProblem.refused(refusing + "it is the " + g.name() + "; a build would replace it");
            }
            if (p.startsWith(o)) {
                throw OutputProblem.refused(refusing + "it holds the " + g.name() + " (" + p + "); a build would delete it");
            }
            if (g.noneInside() && o.startsWith(p)) {
                throw OutputProblem.refused(refusing + "it lies inside the " + g.name() + " (" + p + ")");
            }
        }
        if (Files.isDirectory(o)) {
            // a site of ours may hold a folder named content/ (from static/), never a .git or a pom.xml
            List<String> signs = isOurs(o) ? List.of("pom.xml", ".git") : PROJECT_SIGNS;
            String project = projectSign(o, signs);
            if (project != null) {
                throw OutputProblem.refused(refusing + "it holds " + project + ", so it is a project folder, not a site");
            }
            Path child = projectInside(o, signs, out);
            if (child != null) {
                throw OutputProblem.refused(refusing + "it holds the project folder " + child.getFileName()
                        + "; a build would delete it");
            }
            if (!force && !isEmpty(o) && !isOurs(o)) {
                throw OutputProblem.refused("refusing to replace " + out + ": it holds files Bitext did not make (no "
                        + MARKER + " in it); move them away (files to publish belong in static/) or pass --force");
            }
        }
        return o;
    }

    /** A project folder directly inside {@code dir}, or null. */
    private static Path projectInside(Path dir, List<String> signs, Path out) throws OutputProblem {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                if (Files.isDirectory(child, NOFOLLOW) && projectSign(child, signs) != null) {
                    return child;
                }
            }
            return null;
        } catch (IOException e) {
            throw OutputProblem.failed("cannot read the output folder " + out + " (" + reason(e) + ")");
        }
    }

    private static String projectSign(Path dir, List<String> signs) {
        for (String sign : signs) {
            if (Files.exists(dir.resolve(sign), NOFOLLOW)) {
                return sign;
            }
        }
        return null;
    }

    /** Whether {@code dir} is a site Bitext made: it carries the marker as a regular file. */
    static boolean isOurs(Path dir) {
        return Files.isRegularFile(dir.resolve(MARKER), NOFOLLOW);
    }

    static boolean isEmpty(Path dir) throws OutputProblem {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        } catch (IOException e) {
            throw OutputProblem.failed("cannot read " + dir + " (" + reason(e) + ")");
        }
    }

    /**
     * The real path of {@code p}, which need not exist yet: the real path of its deepest existing
     * ancestor (symlinks and '..' resolved by the file system), then the rest of its names.
     */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath();
        Deque<Path> rest = new ArrayDeque<>();
        Path probe = abs;
        while (probe != null && !Files.exists(probe)) {
            if (probe.getFileName() != null) {
                rest.push(probe.getFileName());
            }
            probe = probe.getParent();
        }
        Path r;
        try {
            r = probe == null ? abs.getRoot() : probe.toRealPath();
        } catch (IOException e) {
            r = probe.normalize(); // a folder we may not enter: compare as written
        }
        while (!rest.isEmpty()) {
            r = r.resolve(rest.pop());
        }
        return r.normalize();
    }

    /** Why a file operation failed, in a few words (the exception's message is often just the path). */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
