package org.bitext.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.locks.Lock;
import java.util.stream.Stream;
import org.bitext.check.LinkChecker;
import org.bitext.diag.Position;
import org.bitext.output.FileBytes;
import org.bitext.output.PageOut;
import org.bitext.output.Publisher;
import org.bitext.render.Markdown;
import org.bitext.render.Reads;
import org.bitext.transcript.Transcript;
import org.bitext.render.Renderer;

/**
 * What one process keeps between builds of the same edition. A one-off build ({@link #once}) keeps
 * nothing and holds no file of the site in memory. A kept session ({@link #kept}, used by
 * {@code serve}) remembers, from its last good build:
 *
 * <ul>
 *   <li>the FreeMarker configuration with its parsed templates, replaced when any file of the
 *       templates folder changes (compared by content: modification times are too coarse);</li>
 *   <li>the HTML of each Markdown text, so only edited notes are rendered again;</li>
 *   <li>the bytes and link-check facts of each small file it published, so a file that comes out the
 *       same is neither parsed for the link check again nor written again (it is hard-linked from the
 *       output folder into the staging folder), as long as the file there is still the one it wrote;</li>
 *   <li>for each such page, everything its template read of the page model ({@link Reads}): when the
 *       next build's model gives the same answers, the page is not rendered again but taken from the
 *       kept bytes. An edit of one note renders only the pages that show it.</li>
 * </ul>
 *
 * A build with a kept session makes exactly the same files as a one-off build.
 */
public final class BuildSession {
    /** A kept session stops remembering files' bytes past this total (a big edition just rebuilds fully). */
    private static final long KEEP_AT_MOST = 64L << 20;

    private final boolean keep;
    private final Lock swapLock;
    private final Markdown markdown;
    private Map<String, byte[]> templateFiles = Map.of();
    private Renderer renderer;
    private Path rendererFor;
    /** A renderer being made ahead of the build by {@link #prepare}, and for which folder. */
    private FutureTask<Renderer> prepared;
    private Path preparedFor;

    /** The last good build: where it went, every path it made, and what is kept of its small files. */
    private Path lastOut;
    private Set<String> lastPaths = Set.of();
    private Map<String, Kept> kept = Map.of();

    /** What the build under way will keep if it succeeds. */
    private final Map<String, Kept> next = new ConcurrentHashMap<>();
    private long nextBytes;
    private Set<String> nextPaths = Set.of();

    /** What the template of a page read in the last good build, and in the build under way. */
    private Map<String, PageReads> reads = Map.of();
    private final Map<String, PageReads> nextReads = new ConcurrentHashMap<>();

    private record PageReads(String template, Reads reads) {
    }

    /** Pages of the build under way (or the last one) rendered by their template, and taken as they were. */
    private final java.util.concurrent.atomic.AtomicInteger rendered = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger reused = new java.util.concurrent.atomic.AtomicInteger();

    /** A published file as this session wrote it, and the state of its file in the output folder then. */
    private record Kept(byte[] bytes, LinkChecker.PageFacts facts, Object fileKey, FileTime modified) {
    }

    private BuildSession(boolean keep, Lock swapLock) {
        this.keep = keep;
        this.swapLock = swapLock;
        this.markdown = new Markdown(keep);
    }

    /** A session for one build. */
    public static BuildSession once() {
        return new BuildSession(false, null);
    }

    /** A session for one build, whose renderer for {@code templates} is being {@linkplain #prepare prepared} already. */
    public static BuildSession once(Path templates) {
        BuildSession s = once();
        s.prepare(templates);
        return s;
    }

    /**
     * A session kept between builds.
     *
     * @param swapLock held while the output folder is swapped (readers of the folder wait on it); may be null
     */
    public static BuildSession kept(Lock swapLock) {
        return new BuildSession(true, swapLock);
    }

    /** The transcript as last read, with what it was read from (kept sessions only). */
    private record KeptTranscript(byte[] bytes, String cut, Position cutAt, Transcript transcript) {
    }

    private KeptTranscript keptTranscript;

    /**
     * The transcript read by an earlier build from the same bytes, cut at the same {@code end_before}
     * (given at the same place), or null: after an edit of edition.yaml alone it need not be read again.
     */
    public Transcript transcript(byte[] bytes, String cut, Position cutAt) {
        KeptTranscript k = keptTranscript;
        return k != null && Objects.equals(k.cut(), cut) && Objects.equals(k.cutAt(), cutAt) && Arrays.equals(k.bytes(), bytes)
                ? k.transcript() : null;
    }

    /** Keeps a transcript that was read without any message, for {@link #transcript}. */
    public void keepTranscript(byte[] bytes, String cut, Position cutAt, Transcript transcript) {
        if (keep && bytes.length <= KEEP_AT_MOST) {
            keptTranscript = new KeptTranscript(bytes, cut, cutAt, transcript);
        }
    }

    /** Starts a build. */
    public void begin() {
        markdown.nextBuild();
        next.clear();
        nextReads.clear();
        rendered.set(0);
        reused.set(0);
        nextBytes = 0;
    }

    public Markdown markdown() {
        return markdown;
    }

    /**
     * Reads every file of the templates folder (templates and assets) and returns them by path relative
     * to it (null bytes for a file that cannot be read); replaces the renderer when any of them changed
     * since the last build.
     */
    Map<String, byte[]> readTemplates(Path templates) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(templates)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                byte[] bytes;
                try {
                    bytes = FileBytes.read(p);
                } catch (IOException e) {
                    bytes = null; // e.g. a name this locale cannot spell: reported by whoever needs the file
                }
                files.put(templates.relativize(p).toString().replace('\\', '/'), bytes);
            }
        }
        if (renderer == null || !templates.equals(rendererFor) || !sameFiles(files, templateFiles)) {
            Renderer ready = takePrepared(templates);
            renderer = ready != null ? ready : new Renderer(templates);
            rendererFor = templates;
            reads = Map.of(); // what the old templates read says nothing about the new ones
        }
        templateFiles = keep ? files : Map.of();
        return files;
    }

    private static boolean sameFiles(Map<String, byte[]> a, Map<String, byte[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, byte[]> e : a.entrySet()) {
            if (!Arrays.equals(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Starts making the renderer for {@code templates} (FreeMarker's set-up and the parsing of every
     * template) on a thread of its own, so that it overlaps the reading of the inputs; the next
     * {@link #readTemplates} of the same folder takes it when it needs a new renderer. Its templates are
     * read from disk like those of a renderer made then; the bytes compared between builds are still
     * those {@code readTemplates} reads.
     */
    public void prepare(Path templates) {
        FutureTask<Renderer> task = new FutureTask<>(() -> Renderer.prepared(templates));
        Thread t = new Thread(task, "bitext-templates");
        t.setDaemon(true); // a failed build exits without waiting for it
        t.start();
        prepared = task;
        preparedFor = templates;
    }

    /** The renderer {@link #prepare} made for {@code templates}, or null (none, another folder, or it failed). */
    private Renderer takePrepared(Path templates) {
        FutureTask<Renderer> task = prepared;
        boolean same = templates.equals(preparedFor);
        prepared = null;
        preparedFor = null;
        if (task == null || !same) {
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

    /** The renderer for the templates last read by {@link #readTemplates}. */
    Renderer renderer() {
        return renderer;
    }

    /**
     * True when the output folder {@code out} already holds these bytes at {@code path}: the last good
     * build wrote them there, and the file has not been touched since.
     */
    boolean unchanged(Path out, String path, PageOut file) {
        Kept k = kept.get(path);
        if (k == null || !file.inMemory() || !out.equals(lastOut) || !Arrays.equals(k.bytes(), file.bytes())) {
            return false;
        }
        try {
            BasicFileAttributes a = Files.readAttributes(out.resolve(path), BasicFileAttributes.class);
            return a.size() == k.bytes().length && a.lastModifiedTime().equals(k.modified())
                    && Objects.equals(a.fileKey(), k.fileKey());
        } catch (IOException e) {
            return false;
        }
    }

    /** A record to fill while a page renders, or null when this session does not keep pages. */
    Reads newReads() {
        return keep ? new Reads() : null;
    }

    /** Keeps what the template of a page that rendered without error read. */
    void rendered(String path, String template, Reads r) {
        rendered.incrementAndGet();
        if (r != null && r.usable()) {
            nextReads.put(path, new PageReads(template, r));
        }
    }

    /**
     * The bytes the page at {@code path} had in the last good build, when its template, given
     * {@code model}, would read exactly what it read then: the page would come out the same, so it need
     * not be rendered. Null when it must be rendered.
     */
    byte[] sameAsBefore(String path, String template, Map<String, Object> model) {
        PageReads r = reads.get(path);
        Kept k = kept.get(path);
        if (r == null || k == null || !r.template().equals(template) || !r.reads().sameAnswers(model)) {
            return null;
        }
        nextReads.put(path, r);
        reused.incrementAndGet();
        return k.bytes();
    }

    /** How many pages the last build rendered with their template. */
    public int pagesRendered() {
        return rendered.get();
    }

    /** How many pages the last build took unchanged from the build before, without rendering them. */
    public int pagesReused() {
        return reused.get();
    }

    /** The link-check facts of an unchanged page, if they are still valid for a site with these paths. */
    LinkChecker.PageFacts facts(String path, Set<String> paths) {
        Kept k = kept.get(path);
        return k != null && paths.equals(lastPaths) ? k.facts() : null;
    }

    /** Whether this session keeps what a build made (and so reuses pages' link-check facts). */
    boolean keeps() {
        return keep;
    }

    /** Every path the build under way makes. */
    void willMake(Set<String> paths) {
        nextPaths = keep ? Set.copyOf(paths) : Set.of();
    }

    /** Remembers a file of the build under way (only in a kept session, and only while small). */
    void remember(String path, PageOut file, LinkChecker.PageFacts facts) {
        if (!keep || !file.inMemory()) {
            return;
        }
        synchronized (this) {
            nextBytes += file.bytes().length;
            if (nextBytes > KEEP_AT_MOST) {
                return;
            }
        }
        next.put(path, new Kept(file.bytes(), facts, null, null));
    }

    /**
     * Swaps the staging folder in (holding the swap lock, if any) and makes this build the one the
     * next build compares with.
     */
    public void publish(Publisher publisher, Path out) throws IOException {
        if (swapLock != null) {
            swapLock.lock();
        }
        try {
            publisher.swap();
        } finally {
            if (swapLock != null) {
                swapLock.unlock();
            }
        }
        if (!keep) {
            return;
        }
        Map<String, Kept> done = new HashMap<>();
        for (Map.Entry<String, Kept> e : next.entrySet()) {
            try {
                BasicFileAttributes a = Files.readAttributes(out.resolve(e.getKey()), BasicFileAttributes.class);
                Kept k = e.getValue();
                done.put(e.getKey(), new Kept(k.bytes(), k.facts(), a.fileKey(), a.lastModifiedTime()));
            } catch (NoSuchFileException gone) {
                // not kept
            }
        }
        kept = done;
        Map<String, PageReads> doneReads = new HashMap<>(nextReads);
        doneReads.keySet().retainAll(done.keySet()); // without the bytes, knowing a page is the same is no use
        reads = doneReads;
        nextReads.clear();
        lastOut = out;
        lastPaths = nextPaths;
        next.clear();
    }
}
