package org.bitext.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import org.bitext.Incremental;
import org.bitext.check.LinkChecker;
import org.bitext.diag.Position;
import org.bitext.output.FileBytes;
import org.bitext.output.PageOut;
import org.bitext.output.Publisher;
import org.bitext.render.Markdown;
import org.bitext.render.Templates;
import org.bitext.transcript.Transcript;
import org.bitext.view.Page;
import org.bitext.view.PageModel;

/**
 * What the preview server keeps between builds of the same edition, so that a save makes again only
 * what it changed. From its last good build it remembers:
 *
 * <ul>
 *   <li>the templates with their parsed form ({@link Templates}), replaced when any file of the
 *       templates folder changes;</li>
 *   <li>the HTML of each Markdown text, and the transcript as read;</li>
 *   <li>the bytes and link-check facts of each small file it published, so a file that comes out the
 *       same is neither checked again nor written again (it is hard-linked from the output folder), as
 *       long as the file there is still the one it wrote;</li>
 *   <li>the {@link PageModel} of each page and of each chapter of the EPUB: when the next build gives
 *       one an equal model and its templates (its own and those it includes or imports) are the same,
 *       it is taken from the kept bytes instead of being rendered. Pages are given only what they show,
 *       so an edit of a note renders only the pages that show it, and an edit of the HTML layout leaves
 *       the EPUB's chapters alone.</li>
 * </ul>
 *
 * A build with a session makes exactly the same files as a one-off build.
 */
public final class BuildSession implements Incremental {
    /** Stops remembering files' bytes past this total (a big edition just rebuilds fully). */
    private static final long KEEP_AT_MOST = 64L << 20;

    private final Lock swapLock;
    private final Ahead ahead;
    private final Markdown markdown = new Markdown(true);
    private Templates templates;

    /** The last good build: where it went, every path it made, and what is kept of its small files. */
    private Path lastOut;
    private Set<String> lastPaths = Set.of();
    private Map<String, Kept> kept = Map.of();

    /** What the build under way will keep if it succeeds. */
    private final Map<String, Kept> next = new ConcurrentHashMap<>();
    private long nextBytes;
    private Set<String> nextPaths = Set.of();

    /** Pages of the build under way (or the last one) made by a template, and those taken as they were. */
    private final AtomicInteger pages = new AtomicInteger();
    private final AtomicInteger reused = new AtomicInteger();
    /** Chapters of the EPUB the build under way (or the last one) made with their template. */
    private final AtomicInteger partsRendered = new AtomicInteger();

    /**
     * A published file as this session wrote it, the state of its file in the output folder then, and
     * for a page the model and the key of the templates that made it.
     */
    private record Kept(byte[] bytes, LinkChecker.PageFacts facts, PageModel model, String templates, Object fileKey,
            FileTime modified) {
    }

    /** A file inside another (a chapter of the EPUB) as the last good build made it. */
    private record Part(byte[] bytes, PageModel model, String templates) {
    }

    private Map<String, Part> parts = Map.of();
    private final Map<String, Part> nextParts = new ConcurrentHashMap<>();

    /** Where the preview serves the pages readers have open as soon as each is made, ahead of the rest. */
    public interface Ahead {
        /** The pages readers have open, to make first. */
        List<String> open();

        /** Serves {@code bytes} as {@code path} now, if the build under way may still be served. */
        void serve(String path, byte[] bytes);
    }

    private BuildSession(Lock swapLock, Ahead ahead) {
        this.swapLock = swapLock;
        this.ahead = ahead;
    }

    /**
     * A session kept between builds.
     *
     * @param swapLock held while the output folder is swapped (readers of the folder wait on it); may be null
     */
    public static BuildSession kept(Lock swapLock) {
        return new BuildSession(swapLock, null);
    }

    /** A session kept between builds that serves the open pages of each build ahead of the rest. */
    static BuildSession kept(Lock swapLock, Ahead ahead) {
        return new BuildSession(swapLock, ahead);
    }

    /** The transcript as last read, with what it was read from. */
    private record KeptTranscript(byte[] bytes, String cut, Position cutAt, Transcript transcript) {
    }

    private KeptTranscript keptTranscript;

    /**
     * The transcript read by an earlier build from the same bytes, cut at the same {@code end_before}
     * (given at the same place), or null: after an edit of edition.yaml alone it need not be read again.
     */
    @Override
    public Transcript transcript(byte[] bytes, String cut, Position cutAt) {
        KeptTranscript k = keptTranscript;
        return k != null && Objects.equals(k.cut(), cut) && Objects.equals(k.cutAt(), cutAt) && Arrays.equals(k.bytes(), bytes)
                ? k.transcript() : null;
    }

    /** The edition as last loaded, with the bytes and the strictness it was loaded with. */
    private record KeptEdition(byte[] transcript, byte[] yaml, boolean strict, Loaded loaded) {
    }

    private KeptEdition keptEdition;

    @Override
    public Loaded loaded(byte[] transcript, byte[] yaml, boolean strict) {
        KeptEdition k = keptEdition;
        return k != null && k.strict() == strict && Arrays.equals(k.yaml(), yaml) && Arrays.equals(k.transcript(), transcript)
                ? k.loaded() : null;
    }

    @Override
    public void keepLoaded(byte[] transcript, byte[] yaml, boolean strict, Loaded loaded) {
        if ((long) transcript.length + yaml.length <= KEEP_AT_MOST) {
            keptEdition = new KeptEdition(transcript, yaml, strict, loaded);
        }
    }

    /** Keeps a transcript that was read without any message, for {@link #transcript}. */
    @Override
    public void keepTranscript(byte[] bytes, String cut, Position cutAt, Transcript transcript) {
        if (bytes.length <= KEEP_AT_MOST) {
            keptTranscript = new KeptTranscript(bytes, cut, cutAt, transcript);
        }
    }

    /** Starts a build. */
    @Override
    public void begin() {
        markdown.nextBuild();
        next.clear();
        nextParts.clear();
        pages.set(0);
        reused.set(0);
        partsRendered.set(0);
        nextBytes = 0;
    }

    @Override
    public Markdown markdown() {
        return markdown;
    }

    /** The templates of {@code folder}, kept from the last build when it used the same folder. */
    @Override
    public Templates templates(Path folder) {
        if (templates == null || !templates.folder().equals(folder)) {
            templates = new Templates(folder);
        }
        return templates;
    }

    @Override
    public byte[] reuse(Page page, String templates) {
        Kept k = kept.get(page.path());
        if (k == null || !k.templates().equals(templates) || !page.model().equals(k.model())) {
            return null;
        }
        reused.incrementAndGet();
        return k.bytes();
    }

    @Override
    public byte[] reusePart(Page part, String templates) {
        Part p = parts.get(part.path());
        if (p == null || !p.templates().equals(templates) || !part.model().equals(p.model())) {
            return null;
        }
        nextParts.put(part.path(), p); // kept for the build after this one, too
        return p.bytes();
    }

    @Override
    public void madePart(Page part, String templates, byte[] bytes) {
        partsRendered.incrementAndGet();
        if (!roomFor(bytes.length)) {
            return;
        }
        nextParts.put(part.path(), new Part(bytes, part.model(), templates));
    }

    @Override
    public boolean unchanged(Path out, String path, PageOut file) {
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

    /** How many pages the last build rendered with their template. */
    public int pagesRendered() {
        return pages.get() - reused.get();
    }

    /** How many pages the last build took unchanged from the build before, without rendering them. */
    public int pagesReused() {
        return reused.get();
    }

    /** How many files inside the EPUB the last build made with their template (the rest it took as they were). */
    public int partsRendered() {
        return partsRendered.get();
    }

    @Override
    public LinkChecker.PageFacts facts(String path, Set<String> paths) {
        Kept k = kept.get(path);
        return k != null && paths.equals(lastPaths) ? k.facts() : null;
    }

    @Override
    public List<String> first() {
        return ahead == null ? List.of() : ahead.open();
    }

    /** Serves an open page ahead of its build, unless it is what the last good build made (then it needs no reload). */
    @Override
    public void madeFirst(String path, byte[] bytes) {
        Kept k = kept.get(path);
        if (ahead != null && (k == null || !Arrays.equals(k.bytes(), bytes))) {
            ahead.serve(path, bytes);
        }
    }

    @Override
    public void willMake(Set<String> paths) {
        nextPaths = Set.copyOf(paths);
    }

    @Override
    public void made(String path, Page page, String templates, PageOut file, LinkChecker.PageFacts facts) {
        if (page != null) {
            pages.incrementAndGet();
        }
        if (!file.inMemory()) {
            return;
        }
        if (!roomFor(file.bytes().length)) {
            return;
        }
        next.put(path, new Kept(file.bytes(), facts, page == null ? null : page.model(), templates, null, null));
    }

    /** Counts {@code bytes} more to keep for the next build; false once the build has more than {@link #KEEP_AT_MOST}. */
    private synchronized boolean roomFor(int bytes) {
        nextBytes += bytes;
        return nextBytes <= KEEP_AT_MOST;
    }

    /**
     * Swaps the staging folder in (holding the swap lock, if any) and makes this build the one the
     * next build compares with.
     */
    @Override
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
        Map<String, Kept> done = new HashMap<>();
        for (Map.Entry<String, Kept> e : next.entrySet()) {
            try {
                BasicFileAttributes a = Files.readAttributes(out.resolve(e.getKey()), BasicFileAttributes.class);
                Kept k = e.getValue();
                done.put(e.getKey(), new Kept(k.bytes(), k.facts(), k.model(), k.templates(), a.fileKey(), a.lastModifiedTime()));
            } catch (NoSuchFileException gone) {
                // not kept
            }
        }
        kept = done;
        parts = Map.copyOf(nextParts);
        lastOut = out;
        lastPaths = nextPaths;
        next.clear();
    }
}
