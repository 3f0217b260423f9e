package org.bitext.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.bitext.render.Pages;
import org.bitext.render.Reads;
import org.bitext.render.Renderer;
import org.bitext.render.SiteModel;

/**
 * Makes every file of the site (pages, assets, edition.json, sitemap.xml, robots.txt) into a
 * {@link Sink}, and checks every link. Each file is handed to the sink as soon as it is made and only
 * its link-check facts are kept, so memory is bounded by the edition's model, not by the site.
 */
public final class SiteRenderer {
    private final Path templates;
    private final Diagnostics diags;
    private final BuildSession session;
    private final Path staticFolder;

    public SiteRenderer(Path templates, Diagnostics diags, BuildSession session) {
        this(templates, null, diags, session);
    }

    /** The same, also publishing the files of {@code staticFolder} (may be null) as they are. */
    public SiteRenderer(Path templates, Path staticFolder, Diagnostics diags, BuildSession session) {
        this.templates = templates;
        this.staticFolder = staticFolder;
        this.diags = diags;
        this.session = session;
    }

    /** One file to make: where it goes, and what writes it (false after reporting an error). */
    private record Job(String path, Content content) {
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
        if (!Files.isDirectory(templates)) {
            diags.error(Position.of(templates.toString()), "templates folder does not exist: " + templates);
            return 0;
        }
        Map<String, byte[]> templateFiles = session.readTemplates(templates);
        Renderer renderer = session.renderer();
        Timings.mark("set up the templates");
        MarkdownLinks markdownLinks = new MarkdownLinks(diags);
        markdownLinks.checkNesting(edition);
        SiteModel model = new SiteModel(edition, session.markdown());
        Map<String, Object> site = model.site();
        Timings.mark("page model");
        List<Job> jobs = new ArrayList<>();
        // The threads take the jobs in this order. The pages that the others link into come first (the
        // glossary, the sections): a link to a fragment is decided as soon as the page it points into
        // has been scanned, instead of being kept to the end (two million links at 100 000 turns).
        page(jobs, renderer, site, "glossary.ftlh", Pages.GLOSSARY, Map.of());
        for (Map<String, Object> s : model.sections()) {
            if (!(Boolean) s.get("part")) {
                page(jobs, renderer, site, "section.ftlh", (String) s.get("url"), s);
            }
        }
        page(jobs, renderer, site, "index.ftlh", Pages.HOME, Map.of());
        page(jobs, renderer, site, "transcript.ftlh", Pages.TRANSCRIPT, Map.of());
        page(jobs, renderer, site, "notes.ftlh", Pages.NOTES, Map.of());
        page(jobs, renderer, site, "topics.ftlh", Pages.TOPICS, Map.of());
        for (Map<String, Object> t : model.topics().values()) {
            page(jobs, renderer, site, "topic.ftlh", (String) t.get("url"), t);
        }
        for (Map<String, Object> sp : model.speakers().values()) {
            page(jobs, renderer, site, "speaker.ftlh", (String) sp.get("url"), sp);
        }
        String base = edition.meta().baseUrl();
        String basePath = base == null ? "/" : URI.create(base).getPath();
        page(jobs, renderer, site, "404.ftlh", Pages.NOT_FOUND, Map.of("basePath", basePath.isEmpty() ? "/" : basePath));

        jobs.add(new Job("edition.json", o -> text(o, w -> {
            EditionJson.write(edition, w);
            return true;
        })));
        if (base != null) {
            String sitemap = sitemap(base, jobs);
            jobs.add(new Job("sitemap.xml", o -> bytes(o, sitemap.getBytes(StandardCharsets.UTF_8))));
            byte[] robots = ("User-agent: *\nAllow: /\nSitemap: " + base + "sitemap.xml\n").getBytes(StandardCharsets.UTF_8);
            jobs.add(new Job("robots.txt", o -> bytes(o, robots)));
        } else {
            diags.warning(edition.meta().position(), "no base_url in 'edition': sitemap.xml, robots.txt and canonical links are left out");
        }
        assets(jobs, templateFiles);
        passthrough(jobs);

        Set<String> paths = new HashSet<>();
        for (Job j : jobs) {
            paths.add(j.path());
        }
        session.willMake(paths);
        LinkChecker checker = new LinkChecker(paths, basePath);
        List<Object> made = makeAll(jobs, sink, out, checker, paths);
        Timings.mark("render and scan " + jobs.size() + " files");
        List<LinkChecker.PageFacts> facts = new ArrayList<>();
        for (Object m : made) {
            if (m instanceof IOException e) {
                throw e; // only now: every other file is finished, so the staging folder can go
            }
            if (m instanceof RuntimeException e) {
                throw e;
            }
            facts.add((LinkChecker.PageFacts) m);
        }
        if (diags.hasErrors()) {
            return jobs.size();
        }
        Map<String, LinkChecker.PageFacts> pages = new HashMap<>();
        for (int i = 0; i < jobs.size(); i++) {
            if (facts.get(i) != null) {
                pages.put(jobs.get(i).path(), facts.get(i));
            }
        }
        markdownLinks.check(edition, paths, pages);
        checker.report(pages, diags);
        Timings.mark("check the links");
        return jobs.size();
    }

    private void page(List<Job> jobs, Renderer renderer, Map<String, Object> site, String template, String path,
            Map<String, Object> page) {
        Map<String, Object> model = Renderer.model(path, site, page);
        jobs.add(new Job(path, o -> {
            byte[] same = session.sameAsBefore(path, template, model);
            if (same != null) {
                return bytes(o, same); // what the template reads has not changed: neither has the page
            }
            Reads reads = session.newReads();
            boolean ok = text(o, w -> renderer.render(template, path, model, reads, w, diags));
            if (ok) {
                session.rendered(path, template, reads);
            }
            return ok;
        }));
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
     * Makes every file on all cores and returns what {@link #make} returned for each, in the order of
     * {@code jobs}. Each thread (this one and the common pool's) takes the next job nobody has taken,
     * so the jobs are started in their order; a file is handed to the sink as soon as it is whole, so
     * at most one file per thread is in memory (and a big one only up to Publisher.SPILL_AT).
     */
    private List<Object> makeAll(List<Job> jobs, Sink sink, Path out, LinkChecker checker, Set<String> paths) {
        Object[] made = new Object[jobs.size()];
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            for (int i = next.getAndIncrement(); i < made.length; i = next.getAndIncrement()) {
                made[i] = make(jobs.get(i), sink, out, checker, paths);
            }
        };
        int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), made.length - 1);
        List<ForkJoinTask<?>> started = new ArrayList<>();
        for (int h = 0; h < helpers; h++) {
            started.add(ForkJoinPool.commonPool().submit(work));
        }
        try {
            work.run();
        } catch (Throwable e) { // make() returns exceptions as values: this is an Error (out of memory)
            next.set(made.length); // no further job starts
            throw e;
        } finally {
            for (ForkJoinTask<?> t : started) {
                t.quietlyJoin(); // no file is still being made when the caller cleans up after this build
            }
        }
        for (ForkJoinTask<?> t : started) {
            t.join(); // what each job returned is visible here; an Error a helper met is thrown here
        }
        return Arrays.asList(made);
    }

    /**
     * Makes one file into the sink; returns the link-check facts of a page (null for other files, or
     * after a reported error), or the exception that stopped it (thrown by the caller once every file is done).
     */
    private Object make(Job job, Sink sink, Path out, LinkChecker checker, Set<String> paths) {
        try {
            PageOut file = sink.create(job.path());
            boolean ok;
            try (file) {
                ok = job.content().writeTo(file);
            }
            if (!ok) {
                return null;
            }
            boolean unchanged = out != null && session.unchanged(out, job.path(), file);
            LinkChecker.PageFacts facts = null;
            if (LinkChecker.isPage(job.path())) {
                facts = unchanged ? session.facts(job.path(), paths) : null;
                if (facts == null) {
                    facts = checker.scan(job.path(), file);
                }
            }
            sink.add(job.path(), file, unchanged);
            session.remember(job.path(), file, facts);
            return facts;
        } catch (IOException | RuntimeException e) {
            return e;
        }
    }

    private static final java.util.regex.Pattern SAFE_ASSET_NAME =
            java.util.regex.Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");

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
                diags.error(Position.of(templates + "/assets/" + rel), "asset file name '" + rel
                        + "' must use only ASCII letters, digits, '.', '-' and '_' (it becomes a URL and a file name on"
                        + " every machine); rename it");
                continue;
            }
            byte[] bytes = f.getValue();
            jobs.add(new Job("assets/" + rel, o -> {
                if (bytes == null) {
                    throw new IOException("cannot read " + templates.resolve(f.getKey()));
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
            jobs.add(new Job(path, o -> {
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

    private static String sitemap(String base, List<Job> jobs) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String path : new java.util.TreeSet<>(jobs.stream().map(Job::path).toList())) {
            if (path.endsWith(".html") && !path.equals(Pages.NOT_FOUND)) {
                String loc = base + (path.equals(Pages.HOME) ? "" : path);
                sb.append("  <url><loc>").append(loc.replace("&", "&amp;")).append("</loc></url>\n");
            }
        }
        return sb.append("</urlset>\n").toString();
    }
}
