package org.bitext.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;
import org.bitext.diag.Diagnostics;
import org.bitext.diag.Position;
import org.bitext.input.SourceFile;
import org.bitext.input.SourceFiles;

/**
 * The templates folder: its files (templates and assets) and a {@link Renderer} for them. Kept
 * between builds ({@code serve}), it parses again only the templates whose bytes changed
 * (modification times are too coarse), so each template is parsed once per edit of it.
 */
public final class Templates {
    /** The files of a read, by path relative to the folder, and the renderer for them. */
    public static final class Loaded {
        private final Map<String, byte[]> files;
        private final Renderer renderer;
        private final Map<String, String> keys = new ConcurrentHashMap<>();

        Loaded(Map<String, byte[]> files, Renderer renderer) {
            this.files = files;
            this.renderer = renderer;
        }

        public Map<String, byte[]> files() {
            return files;
        }

        public Renderer renderer() {
            return renderer;
        }

        /**
         * What the output of {@code template} depends on besides its model: a digest of its source and
         * of every template it includes or imports, transitively. A page whose model and key are those of
         * the build before comes out the same, so {@code serve} takes it as it was (an edit of layout.ftlh
         * does not make the EPUB's chapters again).
         */
        public String key(String template) {
            return keys.computeIfAbsent(template, t -> TemplateKeys.key(t, files));
        }
    }

    private final Path folder;
    /** The last read, kept while no file changes: its renderer and template keys serve the next build too. */
    private Loaded loaded;
    /** Whether the folder was there when the renderer was made (without one, it reads the built-in theme only). */
    private boolean hadFolder;
    /** A renderer being made ahead of the first read, on a thread of its own. */
    private FutureTask<Renderer> prepared;
    /** A read started ahead of the build's need ({@link #readAhead}), which the next {@link #read} takes. */
    private FutureTask<Loaded> reading;

    public Templates(Path folder) {
        this.folder = folder;
    }

    /**
     * Templates whose renderer (FreeMarker's set-up and the parsing of every template, the biggest
     * start-up cost of a cold build) is made now on a thread of its own, beside the reading of the inputs.
     */
    public static Templates prepare(Path folder) {
        Templates t = new Templates(folder);
        t.prepared = new FutureTask<>(() -> Renderer.prepared(folder));
        Thread thread = new Thread(t.prepared, "bitext-templates");
        thread.setDaemon(true); // a failed build exits without waiting for it
        thread.start();
        return t;
    }

    public Path folder() {
        return folder;
    }

    /**
     * Starts the next {@link #read} now, on a thread of its own, beside the reading of the content. The
     * caller must then call {@link #read} with the same {@code diags}, even when it gives up, so that no
     * message comes in after the build has reported.
     */
    public void readAhead(Diagnostics diags) {
        FutureTask<Loaded> task = new FutureTask<>(() -> readNow(diags));
        reading = task;
        Thread thread = new Thread(task, "bitext-templates-read");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Reads every file of the folder (or takes the read {@link #readAhead} started). Refuses, into
     * {@code diags}, a symbolic link that leads outside the folder (nothing outside the project is ever
     * published) and a template that is not UTF-8. Returns null after any error; else the files (null
     * bytes for one that cannot be read, reported by whoever needs it) and a renderer: the same as last
     * time when no file changed.
     */
    public Loaded read(Diagnostics diags) throws IOException {
        FutureTask<Loaded> task = reading;
        if (task == null) {
            return readNow(diags);
        }
        reading = null;
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the read is quick: finish waiting, so that it reports nothing later
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw (RuntimeException) e.getCause(); // readNow throws nothing else
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Loaded readNow(Diagnostics diags) throws IOException {
        // the built-in theme, overridden file by file by the folder's own (a project may have none)
        Map<String, byte[]> read = new TreeMap<>(Theme.files());
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            diags.error(Position.of(folder.toString()), "the templates folder " + folder + " is a file, not a folder");
            return null;
        }
        boolean ok = walk(read, diags);
        if (!ok) {
            return null;
        }
        boolean hasFolder = Files.isDirectory(folder);
        if (loaded != null && hasFolder == hadFolder && read.keySet().equals(loaded.files().keySet())) {
            Set<String> changed = new TreeSet<>();
            for (Map.Entry<String, byte[]> e : read.entrySet()) {
                if (!Arrays.equals(e.getValue(), loaded.files().get(e.getKey()))) {
                    changed.add(e.getKey());
                }
            }
            if (!changed.isEmpty()) {
                // the same files, some of them edited: only those are parsed again
                loaded.renderer().reparse(changed);
                loaded = new Loaded(read, loaded.renderer());
            }
        } else {
            Renderer ready = takePrepared();
            loaded = new Loaded(read, ready != null ? ready : new Renderer(folder));
            hadFolder = hasFolder;
        }
        return loaded;
    }

    /** Reads the folder's files, when there is a folder, into {@code read}; false after an error. */
    private boolean walk(Map<String, byte[]> read, Diagnostics diags) throws IOException {
        if (!Files.isDirectory(folder)) {
            return true;
        }
        Path real = folder.toRealPath();
        boolean ok = true;
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String name = folder.relativize(p).toString().replace('\\', '/');
                if (Files.isSymbolicLink(p) && !inside(p, real)) {
                    diags.error(Position.of(p.toString()), p + " is a symbolic link that leads outside the templates folder;"
                            + " it is not used or published", "copy the file into the folder instead");
                    ok = false;
                    continue;
                }
                if (Files.isDirectory(p) && Renderer.isTemplate(name)) {
                    // it would hide nothing (the built-in file would be used): say so rather than pass it by
                    diags.error(Position.of(p.toString()), p + " is a directory, not a template");
                    ok = false;
                    continue;
                }
                if (!Files.isRegularFile(p)) {
                    continue;
                }
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(p);
                } catch (IOException e) {
                    bytes = null; // e.g. a name this locale cannot spell: reported by whoever needs the file
                }
                if (bytes != null && Renderer.isTemplate(name) && !utf8(p, bytes, diags)) {
                    ok = false;
                }
                read.put(name, bytes);
            }
        }
        return ok;
    }

    private static boolean inside(Path link, Path realFolder) {
        try {
            return link.toRealPath().startsWith(realFolder);
        } catch (IOException e) {
            return true; // a dangling link reads as no file at all, and publishes nothing
        }
    }

    /** Whether a template is UTF-8; if not, reports the first bad byte at its line and column. */
    private static boolean utf8(Path file, byte[] bytes, Diagnostics diags) {
        if (SourceFiles.utf8(file, bytes) instanceof SourceFile.Refused refused) {
            diags.addSource(file.toString(), refused.shown());
            diags.error(new Position(file.toString(), refused.line(), refused.column()), "template " + refused.message(),
                    refused.hint());
            return false;
        }
        return true;
    }

    /** The renderer {@link #prepare} made, or null (none, or it failed: a new one meets the problem and reports it). */
    private Renderer takePrepared() {
        FutureTask<Renderer> task = prepared;
        prepared = null;
        if (task == null) {
            return null;
        }
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }
}
