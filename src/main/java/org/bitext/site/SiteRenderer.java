package org.bitext.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bitext.diag.Diagnostics;
import org.bitext.diag.Position;
import org.bitext.edition.Edition;
import org.bitext.render.Pages;
import org.bitext.render.Renderer;
import org.bitext.render.SiteModel;

/**
 * Renders every page of the site into memory (path → bytes, sorted), adds the assets, edition.json,
 * sitemap.xml and robots.txt. Nothing is written to disk here.
 */
public final class SiteRenderer {
    private final Path templates;
    private final Diagnostics diags;

    public SiteRenderer(Path templates, Diagnostics diags) {
        this.templates = templates;
        this.diags = diags;
    }

    public Map<String, byte[]> render(Edition edition) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(templates)) {
            diags.error(Position.of(templates.toString()), "templates folder does not exist: " + templates);
            return files;
        }
        Renderer renderer = new Renderer(templates, diags);
        SiteModel model = new SiteModel(edition);
        Map<String, Object> site = model.site();

        page(files, renderer, "index.ftlh", Pages.HOME, site, Map.of());
        page(files, renderer, "transcript.ftlh", Pages.TRANSCRIPT, site, Map.of());
        for (Map<String, Object> s : model.sections()) {
            if (!(Boolean) s.get("part")) {
                page(files, renderer, "section.ftlh", (String) s.get("url"), site, s);
            }
        }
        page(files, renderer, "topics.ftlh", Pages.TOPICS, site, Map.of());
        for (Map<String, Object> t : model.topics().values()) {
            page(files, renderer, "topic.ftlh", (String) t.get("url"), site, t);
        }
        for (Map<String, Object> sp : model.speakers().values()) {
            page(files, renderer, "speaker.ftlh", (String) sp.get("url"), site, sp);
        }
        page(files, renderer, "glossary.ftlh", Pages.GLOSSARY, site, Map.of());
        page(files, renderer, "notes.ftlh", Pages.NOTES, site, Map.of());
        String base = edition.meta().baseUrl();
        String basePath = base == null ? "/" : URI.create(base).getPath();
        page(files, renderer, "404.ftlh", Pages.NOT_FOUND, site, Map.of("basePath", basePath.isEmpty() ? "/" : basePath));

        renderPending(files, renderer, site);
        files.put("edition.json", EditionJson.of(edition).getBytes(StandardCharsets.UTF_8));
        if (base != null) {
            files.put("sitemap.xml", sitemap(base, files).getBytes(StandardCharsets.UTF_8));
            files.put("robots.txt", ("User-agent: *\nAllow: /\nSitemap: " + base + "sitemap.xml\n")
                    .getBytes(StandardCharsets.UTF_8));
        } else {
            diags.warning(edition.meta().position(), "no base_url in 'edition': sitemap.xml, robots.txt and canonical links are left out");
        }
        assets(files);
        return files;
    }

    private void page(Map<String, byte[]> files, Renderer renderer, String template, String path,
            Map<String, Object> site, Map<String, Object> page) {
        pending.add(new Job(template, path, page));
    }

    /** A page waiting to be rendered. */
    private record Job(String template, String path, Map<String, Object> page) {
    }

    private final List<Job> pending = new ArrayList<>();

    /**
     * Renders the queued pages on all cores. Pages share nothing mutable (the model is read-only once
     * built, FreeMarker's configuration and templates are thread-safe), so the bytes are the same as
     * rendering them one by one.
     */
    private void renderPending(Map<String, byte[]> files, Renderer renderer, Map<String, Object> site) {
        List<byte[]> out = pending.parallelStream().map(j -> {
            String html = renderer.render(j.template(), j.path(), site, j.page());
            return html == null ? null : html.getBytes(StandardCharsets.UTF_8);
        }).toList();
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) != null) {
                files.put(pending.get(i).path(), out.get(i));
            }
        }
        pending.clear();
    }

    private static final java.util.regex.Pattern SAFE_ASSET_NAME =
            java.util.regex.Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");

    private void assets(Map<String, byte[]> files) throws IOException {
        Path dir = templates.resolve("assets");
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(all::add);
        }
        for (Path p : all) {
            String rel = dir.relativize(p).toString().replace('\\', '/');
            if (rel.startsWith(".") || rel.contains("/.")) {
                continue; // editor backups and dotfiles are not published
            }
            if (!SAFE_ASSET_NAME.matcher(rel).matches()) {
                // A name outside ASCII cannot even be written when the locale is C/POSIX, and in a URL
                // it needs percent-encoding that hand-written CSS and templates rarely get right.
                diags.error(Position.of(p.toString()), "asset file name '" + rel + "' must use only ASCII letters,"
                        + " digits, '.', '-' and '_' (it becomes a URL and a file name on every machine); rename it");
                continue;
            }
            try {
                files.put("assets/" + rel, Files.readAllBytes(p));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String sitemap(String base, Map<String, byte[]> files) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String path : files.keySet()) {
            if (path.endsWith(".html") && !path.equals(Pages.NOT_FOUND)) {
                String loc = base + (path.equals(Pages.HOME) ? "" : path);
                sb.append("  <url><loc>").append(loc.replace("&", "&amp;")).append("</loc></url>\n");
            }
        }
        return sb.append("</urlset>\n").toString();
    }
}
