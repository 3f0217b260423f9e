package org.bitext.site;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bitext.diag.Diagnostics;
import org.bitext.diag.Position;
import org.bitext.render.Markdown;
import org.bitext.view.Pages;

/**
 * Checks every link of the rendered site before it is published: a relative link must lead to a
 * page or asset the build makes, its #fragment must exist there, and nothing may be loaded from
 * another host. Only {@code <a href>} may point outside (http, https, mailto).
 *
 * <p>Pages are checked without keeping them: {@link #scan} reads one page as it streams by and keeps
 * only its {@link PageFacts} (its ids, and the links that need another page's ids), so a site much
 * larger than memory can be checked. Everything else about a link (scheme, host, target file) is
 * decided during the scan, against the list of every file the build makes, which is known before
 * any page is rendered.
 */
public final class LinkChecker {
    private final Set<String> paths;
    private final String basePath;
    /**
     * The ids of every page scanned so far, when links to them are decided as soon as they are read;
     * null when every such link waits for the report.
     */
    private final Map<String, Ids> scannedIds;

    /**
     * @param paths every file of the site (relative to its root), so links can be checked while pages stream by
     * @param basePath the path of {@code base_url}, which only 404.html may use
     */
    public LinkChecker(Set<String> paths, String basePath) {
        this(paths, basePath, false);
    }

    /**
     * @param decideEarly whether a link to a fragment of a page already scanned is decided at once rather
     *     than kept for the report: the report is the same, and a big site keeps far fewer links (a
     *     100 000-turn site has two million). Only for facts that live as long as this build: a page's
     *     facts reused in a later build must not hold what was decided about another page of this one.
     */
    public LinkChecker(Set<String> paths, String basePath, boolean decideEarly) {
        this.paths = paths;
        this.basePath = basePath;
        this.scannedIds = decideEarly ? new java.util.concurrent.ConcurrentHashMap<>() : null;
    }

    /** Checks a whole site held in memory (path → bytes). */
    public static void check(Map<String, byte[]> files, String basePath, Diagnostics diags) {
        LinkChecker checker = new LinkChecker(files.keySet(), basePath);
        List<String> pages = files.keySet().stream().filter(LinkChecker::isPage).sorted().toList();
        List<PageFacts> scanned = pages.parallelStream().map(p -> checker.scan(p, files.get(p))).toList();
        Map<String, PageFacts> facts = new TreeMap<>();
        for (int i = 0; i < pages.size(); i++) {
            facts.put(pages.get(i), scanned.get(i));
        }
        checker.report(facts, diags);
    }

    /** The files whose links and ids are checked. */
    public static boolean isPage(String path) {
        return path.endsWith(".html");
    }

    /**
     * What the check keeps of one page: its ids, and, in page order, the problems found while reading
     * it and the links whose #fragment is on another page (not known until every page is read).
     */
    public record PageFacts(Ids ids, List<Object> checks) {
    }

    /** A problem found while reading a page. */
    private record Problem(String message) {
    }

    /** A link to a #fragment of another page, resolved when every page's ids are known. */
    private record Pending(String link) {
    }

    /** Whether {@code s} (lower-cased) starts with a URL scheme, {@code [a-z][a-z0-9+.-]*:}. */
    private static boolean hasScheme(String s) {
        if (s.isEmpty() || s.charAt(0) < 'a' || s.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') {
                return true;
            }
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-')) {
                return false;
            }
        }
        return false;
    }

    private static final String[] LINK_ATTRS = {"href", "src", "srcset", "action", "poster", "data"};

    /** The attributes the link check reads; the scanner skips the values of all others. */
    private static final Set<String> READ = Set.of("id", "rel", Markdown.SITE_LINK, "href", "src", "srcset", "action",
            "poster", "data");

    /** Reads the ids and links of a page in memory. Thread-safe. */
    public PageFacts scan(String page, byte[] html) {
        Facts f = new Facts(page);
        HtmlTags.scan(html, html.length, READ, f);
        return f.done();
    }

    /**
     * Reads the ids and links of a page just made, from memory or, for a big one, as it streams from
     * its file ({@link HtmlTags}: the tags only, no tree), so a page of 100 000 turns never exists as
     * one DOM. Thread-safe.
     */
    public PageFacts scan(String page, PageOut file) throws IOException {
        if (file.inMemory()) {
            return scan(page, file.bytes());
        }
        Facts f = new Facts(page);
        try (InputStream in = file.stream()) {
            HtmlTags.scan(in, READ, f);
        }
        return f.done();
    }

    /** What the scan of one page finds: its ids, and what is known about each link so far. */
    private final class Facts implements HtmlTags.Visitor {
        private final String page;
        private final List<String> ids = new ArrayList<>();
        private final List<Object> checks = new ArrayList<>();

        Facts(String page) {
            this.page = page;
        }

        @Override
        public void startTag(String tag, List<String> attributes) {
            String id = HtmlTags.get(attributes, "id");
            if (id != null) {
                ids.add(id);
            }
            for (String attr : LINK_ATTRS) {
                String link = HtmlTags.get(attributes, attr);
                if (link != null) {
                    String rel = HtmlTags.get(attributes, "rel");
                    Object check = firstLook(page, tag, rel == null ? "" : rel, attr, link,
                            HtmlTags.get(attributes, Markdown.SITE_LINK) != null);
                    if (check != null) {
                        checks.add(check);
                    }
                }
            }
        }

        PageFacts done() {
            Ids own = Ids.of(ids);
            if (scannedIds != null) {
                scannedIds.put(page, own);
            }
            // links to this page's own fragments can be decided now that all its ids are read
            List<Object> kept = new ArrayList<>();
            for (Object c : checks) {
                if (c instanceof Target t) {
                    String problem = fragmentProblem(t.link(), t.resolved(), t.fragment(), own);
                    if (problem != null) {
                        kept.add(new Problem(problem));
                    }
                } else {
                    kept.add(c);
                }
            }
            return new PageFacts(own, kept.isEmpty() ? List.of() : kept);
        }
    }

    /** Reports the problems of every page, in path order, then in page order. */
    public void report(Map<String, PageFacts> facts, Diagnostics diags) {
        for (Map.Entry<String, PageFacts> e : new TreeMap<>(facts).entrySet()) {
            String page = e.getKey();
            for (Object c : e.getValue().checks()) {
                String problem;
                if (c instanceof Problem p) {
                    problem = p.message();
                } else {
                    Target t = (Target) resolve(page, ((Pending) c).link());
                    PageFacts target = facts.get(t.resolved());
                    problem = fragmentProblem(t.link(), t.resolved(), t.fragment(), target == null ? null : target.ids());
                }
                if (problem != null) {
                    diags.error(Position.of(page), problem);
                }
            }
        }
    }

    /** A link to a file of the site, with the #fragment it wants there (as written, null if none). */
    private record Target(String link, String resolved, String fragment) {
    }

    /**
     * Decides what can be decided about a link while its page streams by: null if it is fine, a
     * {@link Problem}, a {@link Target} on this page or a {@link Pending} fragment on another page.
     */
    private Object firstLook(String page, String tag, String rel, String attr, String link, boolean fromMarkdown) {
        if (tag.equals("base") || tag.equals("link") && rel.equals("canonical") || tag.equals("meta")) {
            return null; // canonical URLs are absolute by design
        }
        if (fromMarkdown) {
            return null; // checked once, at its entry in edition.yaml, by MarkdownLinks
        }
        String lower = link.trim().toLowerCase(Locale.ROOT);
        boolean navigation = tag.equals("a") && attr.equals("href");
        if (lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("//")) {
            return navigation ? null : new Problem("<" + tag + " " + attr + "> loads from another host: " + link);
        }
        if (lower.startsWith("mailto:") && navigation) {
            return null;
        }
        if (hasScheme(lower)) {
            return new Problem("link with a forbidden scheme: " + link);
        }
        Object r = resolve(page, link);
        if (!(r instanceof Target t)) {
            return r;
        }
        if (t.resolved().startsWith("../") || !paths.contains(t.resolved())) {
            return new Problem("broken link to " + link + " (no such page or asset in the site)");
        }
        if (t.fragment() == null) {
            return null;
        }
        if (t.resolved().equals(page)) {
            return t;
        }
        Ids known = scannedIds == null ? null : scannedIds.get(t.resolved());
        if (known == null) {
            return new Pending(link);
        }
        String problem = fragmentProblem(t.link(), t.resolved(), t.fragment(), known); // what report() would say
        return problem == null ? null : new Problem(problem);
    }

    /** Resolves a relative link against its page: a {@link Target}, or a {@link Problem}. */
    private Object resolve(String page, String link) {
        String target = link;
        String fragment = null;
        int hash = target.indexOf('#');
        if (hash >= 0) {
            fragment = target.substring(hash + 1);
            target = target.substring(0, hash);
        }
        int q = target.indexOf('?');
        if (q >= 0) {
            target = target.substring(0, q);
        }
        String resolved;
        if (target.startsWith("/")) {
            if (!page.equals(Pages.NOT_FOUND) || basePath == null || !target.startsWith(basePath)) {
                return new Problem("root-absolute link breaks under a subpath: " + link);
            }
            resolved = target.substring(basePath.length());
        } else if (target.isEmpty()) {
            resolved = page;
        } else if ((resolved = plainResolve(page, target)) != null) {
            // the usual link: plain characters and only leading "../", resolved without java.net.URI
        } else {
            try {
                URI base = new URI("site:/" + page);
                resolved = base.resolve(new URI(null, null, target, null)).getPath().substring(1);
            } catch (URISyntaxException | IllegalArgumentException ex) {
                return new Problem("malformed link: " + link);
            }
        }
        if (resolved.isEmpty() || resolved.endsWith("/")) {
            resolved = resolved + "index.html";
        }
        return new Target(link, resolved, fragment == null || fragment.isEmpty() ? null : fragment);
    }

    /**
     * Whether {@code t} is {@code (../)*} then segments of {@code [A-Za-z0-9_-][A-Za-z0-9._-]*} joined by
     * "/", with an optional "/" at the end. (A hand-written test: as a regex this was 5 % of a 10 000-turn build.)
     */
    private static boolean plain(String t) {
        int i = 0;
        int n = t.length();
        while (t.startsWith("../", i)) {
            i += 3;
        }
        while (true) {
            if (i >= n || !segmentChar(t.charAt(i)) || t.charAt(i) == '.') {
                return false;
            }
            i++;
            while (i < n && segmentChar(t.charAt(i))) {
                i++;
            }
            if (i == n) {
                return true;
            }
            if (t.charAt(i) != '/') {
                return false;
            }
            i++;
            if (i == n) {
                return true;
            }
        }
    }

    private static boolean segmentChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.';
    }

    /**
     * What {@code URI("site:/" + page).resolve(target)} gives, for a target of plain characters whose
     * only dot segments are leading "../"; null for any other target (or one that climbs above the root).
     */
    static String plainResolve(String page, String target) {
        if (!plain(target)) {
            return null;
        }
        int dirEnd = page.lastIndexOf('/') + 1; // the page's folder, with its slash
        int at = 0;
        while (target.startsWith("../", at)) {
            if (dirEnd == 0) {
                return null;
            }
            dirEnd = page.lastIndexOf('/', dirEnd - 2) + 1;
            at += 3;
        }
        return page.substring(0, dirEnd) + target.substring(at);
    }

    private static String fragmentProblem(String link, String resolved, String fragment, Ids targetIds) {
        String decoded = fragment.indexOf('%') < 0 ? fragment // nothing to decode: the usual case
                : java.net.URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (targetIds == null || !targetIds.contains(decoded)) {
            return "broken fragment in " + link + " (" + resolved + " has no id \"" + decoded + "\")";
        }
        return null;
    }
}
