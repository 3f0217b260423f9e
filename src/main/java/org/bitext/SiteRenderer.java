package org.bitext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.bitext.check.LinkChecker;
import org.bitext.check.MarkdownLinks;
import org.bitext.diag.Diagnostics;
import org.bitext.diag.Position;
import org.bitext.diag.Timings;
import org.bitext.edition.Edition;
import org.bitext.output.OutputFolder;
import org.bitext.output.PageOut;
import org.bitext.output.Sink;
import org.bitext.output.StaticFiles;
import org.bitext.output.Utf8Writer;
import org.bitext.render.Epub;
import org.bitext.render.Markdown;
import org.bitext.render.Renderer;
import org.bitext.render.TemplateError;
import org.bitext.render.Templates;
import org.bitext.render.ViewHtml;
import org.bitext.view.EpubFiles;
import org.bitext.view.EpubViews;
import org.bitext.view.Page;
import org.bitext.view.SiteViews;

/**
 * Makes every file of the site (pages, assets, edition.json, sitemap.xml, robots.txt) into a
 * {@link Sink}, and checks every link. Each file is handed to the sink as soon as it is made and only
 * its link-check facts are kept, so memory is bounded by the edition's model, not by the site.
 */
public final class SiteRenderer {
    private final Templates templates;
    private final Diagnostics diags;
    private final Path staticFolder;
    private final Markdown markdown;
    private final Incremental incremental;
    private final long timeoutNanos = Renderer.timeoutNanos();

    /** A renderer for one build, also publishing the files of {@code staticFolder} (may be null) as they are. */
    public SiteRenderer(Templates templates, Path staticFolder, Diagnostics diags) {
        this(templates, staticFolder, diags, new Markdown(), Incremental.NONE);
    }

    /** A renderer that may take files from the build before ({@code serve}). */
    public SiteRenderer(Templates templates, Path staticFolder, Diagnostics diags, Markdown markdown, Incremental incremental) {
        this.templates = templates;
        this.staticFolder = staticFolder;
        this.diags = diags;
        this.markdown = markdown;
        this.incremental = incremental;
    }

    /**
     * One file to make: where it goes, the page and the key of its templates when a template makes it,
     * and what writes it (false after reporting an error).
     */
    private record Job(String path, Page page, String templates, Content content) {
    }

    @FunctionalInterface
    private interface Content {
        boolean writeTo(OutputStream out) throws IOException;
    }

    /**
     * Makes the site into {@code sink} and checks its links. {@code out} is the output folder the sink
     * will replace, if any: files it already holds unchanged are not written again. Returns the number of
     * files; the caller looks at the diagnostics before using them.
     */
    public int render(Edition edition, Sink sink, Path out) throws IOException {
        Templates.Loaded loaded = templates.read(diags);
        if (loaded == null) {
            return 0;
        }
        Renderer renderer = loaded.renderer();
        Timings.mark("set up the templates");
        MarkdownLinks markdownLinks = new MarkdownLinks(diags, markdown);
        markdownLinks.checkNesting(edition);
        List<Page> pages = SiteViews.of(edition, new ViewHtml(markdown));
        Timings.mark("page model");
        // The threads take the jobs in this order: the pages readers have open in the preview (if any),
        // then the EPUB, the longest job by far (every chapter of the book), so that the other thread
        // makes the pages meanwhile instead of waiting for it at the end.
        List<Job> jobs = new ArrayList<>();
        List<String> first = incremental.first();
        Set<TemplateError> reported = ConcurrentHashMap.newKeySet();
        EpubFiles book = EpubViews.of(pages);
        jobs.add(new Job(book.path(), null, null, o -> {
            Map<String, byte[]> parts = new TreeMap<>();
            for (Page part : book.files()) {
                String key = templatesKey(loaded, part);
                byte[] bytes = incremental.reusePart(part, key);
                if (bytes == null) {
                    ByteArrayOutputStream made = new ByteArrayOutputStream();
                    if (!text(made, w -> rendered(renderer, part, w, reported))) {
                        return false;
                    }
                    bytes = made.toByteArray();
                    incremental.madePart(part, key, bytes);
                }
                parts.put(part.path(), bytes);
            }
            Epub.write(parts, book.modified(), o);
            return true;
        }));
        for (Page page : pages) {
            String key = templatesKey(loaded, page);
            jobs.add(new Job(page.path(), page, key, o -> {
                byte[] same = incremental.reuse(page, key);
                if (same != null) {
                    return bytes(o, same); // the same model with the same templates: the same file
                }
                return text(o, w -> rendered(renderer, page, w, reported));
            }));
        }
        // the pages made first, in the order given: those the preview may serve before the build is done
        Predicate<Job> isOpen = j -> j.page() != null && first.contains(j.path());
        List<Job> open = jobs.stream().filter(isOpen).sorted(Comparator.comparingInt(j -> first.indexOf(j.path()))).toList();
        jobs.removeIf(isOpen);
        jobs.addAll(0, open);
        String base = edition.meta().baseUrl();
        if (base == null) {
            diags.warning(edition.meta().position(), "no base_url in 'edition': sitemap.xml, robots.txt and canonical links are left out");
        }
        assets(jobs, loaded.files());
        passthrough(jobs);

        Set<String> paths = new HashSet<>();
        for (Job j : jobs) {
            paths.add(j.path());
        }
        incremental.willMake(paths);
        LinkChecker checker = new LinkChecker(paths, SiteViews.basePath(base));
        List<Made> made = makeAll(jobs, sink, out, checker, paths, open.size());
        Timings.mark("render and scan " + jobs.size() + " files");
        List<LinkChecker.PageFacts> facts = new ArrayList<>();
        for (Made m : made) {
            if (m instanceof Failed f) {
                f.rethrow(); // only now: every other file is finished, so the staging folder can go
            }
            facts.add(((Done) m).facts());
        }
        if (diags.hasErrors()) {
            return jobs.size();
        }
        Map<String, LinkChecker.PageFacts> byPath = new HashMap<>();
        for (int i = 0; i < jobs.size(); i++) {
            if (facts.get(i) != null) {
                byPath.put(jobs.get(i).path(), facts.get(i));
            }
        }
        markdownLinks.check(edition, paths, byPath);
        checker.report(byPath, diags);
        Timings.mark("check the links");
        return jobs.size();
    }

    /** The key of the templates that make {@code page}, for a build that may reuse files ({@code serve}); else null. */
    private String templatesKey(Templates.Loaded loaded, Page page) {
        return incremental == Incremental.NONE ? null : loaded.key(page.template());
    }

    /** Renders {@code page} into {@code w}; false after reporting an error (once for all pages that meet it). */
    private boolean rendered(Renderer renderer, Page page, Writer w, Set<TemplateError> reported) {
        TemplateError error = renderer.render(page, w, timeoutNanos);
        if (error != null && reported.add(error)) { // a template every page uses is broken once
            report(error);
        }
        return error == null;
    }

    /** Reports a template error with the template's line (pages render in parallel). */
    private void report(TemplateError e) {
        synchronized (diags) {
            String display = e.file().toString();
            try {
                if (Files.isRegularFile(e.file())) {
                    diags.addSource(display, Files.readString(e.file(), StandardCharsets.UTF_8));
                }
            } catch (IOException ignored) {
                // the message still names the place
            }
            diags.error(new Position(display, e.line(), e.column()), e.message(), e.hint());
        }
    }

    @FunctionalInterface
    private interface TextContent {
        boolean writeTo(Writer out) throws IOException;
    }

    private static boolean text(OutputStream out, TextContent content) throws IOException {
        Utf8Writer w = new Utf8Writer(out);
        boolean ok = content.writeTo(w);
        w.end();
        return ok;
    }

    private static boolean bytes(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        return true;
    }

    /**
     * Makes every file on all cores and returns what became of each ({@link #make}), in the order of
     * {@code jobs}. Each thread takes the next job nobody has taken, so the jobs are started in their
     * order; a file is handed to the sink as soon as it is whole, so at most one file per thread is in
     * memory. The threads are the renderer's own, which stop a runaway template.
     */
    private List<Made> makeAll(List<Job> jobs, Sink sink, Path out, LinkChecker checker, Set<String> paths,
            int firstCount) {
        Made[] made = new Made[jobs.size()];
        AtomicInteger next = new AtomicInteger();
        Throwable[] failed = new Throwable[1];
        // Nothing else is made while the first firstCount jobs (pages open in the preview) are: they are
        // served as soon as they are made, and the rest of the site waits the few milliseconds that takes.
        CountDownLatch firstDone = new CountDownLatch(firstCount);
        Runnable work = () -> {
            try {
                for (int i = next.getAndIncrement(); i < made.length; i = next.getAndIncrement()) {
                    if (i >= firstCount) {
                        uninterruptibly(firstDone::await);
                    }
                    try {
                        made[i] = make(jobs.get(i), sink, out, checker, paths, i < firstCount);
                    } finally {
                        if (i < firstCount) {
                            firstDone.countDown();
                        }
                    }
                }
            } catch (Throwable e) { // make() returns exceptions as values: this is an Error (out of memory)
                next.set(made.length); // no further job starts
                synchronized (failed) {
                    failed[0] = e;
                }
            }
        };
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), made.length));
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = Renderer.thread(work, "bitext-render-" + t);
            thread.start();
            started.add(thread);
        }
        for (Thread t : started) {
            uninterruptibly(t::join); // no file is still being made when the caller cleans up after this build
        }
        synchronized (failed) {
            if (failed[0] instanceof Error e) {
                throw e;
            }
            if (failed[0] instanceof RuntimeException e) {
                throw e;
            }
        }
        return Arrays.asList(made);
    }

    /** A wait that an interrupt does not cut short (it is kept for the caller to see). */
    @FunctionalInterface
    private interface Wait {
        void await() throws InterruptedException;
    }

    private static void uninterruptibly(Wait wait) {
        boolean interrupted = false;
        while (true) {
            try {
                wait.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** What became of one file. */
    private sealed interface Made permits Done, Failed {
    }

    /** Made, with the link-check facts of a page (null for other files, or after a reported error). */
    private record Done(LinkChecker.PageFacts facts) implements Made {
    }

    /** Stopped by an exception, thrown by the caller once every other file is done. */
    private record Failed(Exception cause) implements Made {
        void rethrow() throws IOException {
            if (cause instanceof IOException e) {
                throw e;
            }
            throw (RuntimeException) cause;
        }
    }

    /** Makes one file into the sink; {@code first}: one of the pages the preview may serve before the build is done. */
    private Made make(Job job, Sink sink, Path out, LinkChecker checker, Set<String> paths, boolean first) {
        try {
            PageOut file = sink.create(job.path());
            boolean ok;
            try (file) {
                ok = job.content().writeTo(file);
            }
            if (!ok) {
                return new Done(null);
            }
            if (first && file.inMemory()) {
                incremental.madeFirst(job.path(), file.bytes());
            }
            boolean unchanged = out != null && incremental.unchanged(out, job.path(), file);
            LinkChecker.PageFacts facts = null;
            if (LinkChecker.isPage(job.path())) {
                facts = unchanged ? incremental.facts(job.path(), paths) : null;
                if (facts == null) {
                    facts = checker.scan(job.path(), file);
                }
            }
            sink.add(job.path(), file, unchanged);
            incremental.made(job.path(), job.page(), job.templates(), file, facts);
            return new Done(facts);
        } catch (IOException | RuntimeException e) {
            return new Failed(e);
        }
    }

    private static final Pattern SAFE_ASSET_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");

    private void assets(List<Job> jobs, Map<String, byte[]> templateFiles) {
        for (Map.Entry<String, byte[]> f : templateFiles.entrySet()) {
            if (!f.getKey().startsWith("assets/")) {
                continue;
            }
            String rel = f.getKey().substring("assets/".length());
            if (rel.startsWith(".") || rel.contains("/.")) {
                continue; // editor backups and dotfiles are not published
            }
            if (!SAFE_ASSET_NAME.matcher(rel).matches()) {
                // A name outside ASCII cannot even be written when the locale is C/POSIX, and in a URL
                // it needs percent-encoding that hand-written CSS and templates rarely get right.
                // the place as text: under a C locale a Path cannot even hold such a name
                diags.error(Position.of(templates.folder() + "/assets/" + rel), "asset file name '" + rel
                        + "' must use only ASCII letters, digits, '.', '-' and '_' (it becomes a URL and a file name on"
                        + " every machine); rename it");
                continue;
            }
            byte[] bytes = f.getValue();
            jobs.add(new Job("assets/" + rel, null, null, o -> {
                if (bytes == null) {
                    throw new IOException("cannot read " + templates.folder().resolve(f.getKey()));
                }
                return bytes(o, bytes);
            }));
        }
    }

    /** The static folder's files, as they are; one in the place of a file or folder Bitext makes is an error. */
    private void passthrough(List<Job> jobs) throws IOException {
        Set<String> files = new HashSet<>(List.of(OutputFolder.MARKER));
        Set<String> folders = new HashSet<>();
        for (Job j : jobs) {
            files.add(j.path());
            folders.addAll(parents(j.path()));
        }
        for (Map.Entry<String, Path> f : StaticFiles.list(staticFolder, diags).entrySet()) {
            String path = f.getKey();
            if (files.contains(path) || folders.contains(path) || parents(path).stream().anyMatch(files::contains)) {
                diags.error(Position.of(staticFolder.resolve(path).toString()), "static file '" + path
                        + "' is in the place of a file Bitext makes; rename or remove it");
                continue;
            }
            Path file = f.getValue();
            jobs.add(new Job(path, null, null, o -> {
                try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                    in.transferTo(o);
                }
                return true;
            }));
        }
    }

    /** The folders a site path lies in: "a/b/c.html" gives "a" and "a/b". */
    private static List<String> parents(String path) {
        List<String> folders = new ArrayList<>();
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            folders.add(path.substring(0, slash));
        }
        return folders;
    }
}
