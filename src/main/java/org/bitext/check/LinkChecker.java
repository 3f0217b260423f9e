package org.bitext.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.bitext.check.SiteUrl.Malformed;
import org.bitext.check.SiteUrl.Resolved;
import org.bitext.check.SiteUrl.Target;
import org.bitext.diag.Diagnostics;
import org.bitext.diag.Position;
import org.bitext.output.PageOut;
import org.bitext.render.Markdown;
import org.bitext.view.Pages;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.parser.StreamParser;

/**
 * Checks every link of the rendered site before it is published: a relative link must lead to a
 * page or asset the build makes, its #fragment must exist there, and nothing may be loaded from
 * another host. Only {@code <a href>} may point outside (http, https, mailto).
 *
 * <p>Each page is read once with jsoup as it is made and only its {@link PageFacts} are kept: its ids, and what is left to decide about its
 * links. Everything but a #fragment on another page is decided while reading, against the list of
 * every file the build makes, which is known before any page is rendered.
 */
public final class LinkChecker {
    private final Set<String> paths;
    private final String basePath;
    /** Links resolved so far, by the folder of their page and the link: most links recur on many pages. */
    private final Map<String, Resolved> resolved = new ConcurrentHashMap<>();

    /**
     * @param paths every file of the site (relative to its root)
     * @param basePath the path of {@code base_url}, which only 404.html may use
     */
    public LinkChecker(Set<String> paths, String basePath) {
        this.paths = paths;
        this.basePath = basePath;
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
     * What the check keeps of one page: its ids, and the problems found while reading it and the links
     * whose #fragment is on another page (not known until every page is read).
     */
    public record PageFacts(Set<String> ids, List<Check> checks) {
    }

    /** What is left to say about a link once its page is read. */
    public sealed interface Check permits Problem, Pending {
    }

    /** A problem found while reading a page. */
    record Problem(String message) implements Check {
    }

    /** A link to a #fragment of another page, resolved when every page's ids are known. */
    record Pending(String link, Target target) implements Check {
    }

    /** A link to a #fragment of its own page, decided when the whole page is read. */
    private record Here(String link, Target target) {
    }

    private static final String[] LINK_ATTRS = {"href", "src", "srcset", "action", "poster", "data"};

    /** Reads the ids and links of a page in memory, as one jsoup tree. Thread-safe. */
    public PageFacts scan(String page, byte[] html) {
        Facts facts = new Facts(page);
        Jsoup.parse(new String(html, StandardCharsets.UTF_8)).getAllElements().forEach(facts::read);
        return facts.done();
    }

    /**
     * Reads the ids and links of a page just made, from memory or, for a big one, as it streams from its
     * file (jsoup's {@link StreamParser}, letting go of what each element holds once it is read). Thread-safe.
     */
    public PageFacts scan(String page, PageOut file) throws IOException {
        if (file.inMemory()) {
            return scan(page, file.bytes());
        }
        Facts facts = new Facts(page);
        try (InputStream in = file.stream();
                StreamParser parser = new StreamParser(Parser.htmlParser()).parse(new InputStreamReader(in, StandardCharsets.UTF_8), "")) {
            Iterator<Element> elements = parser.iterator();
            while (elements.hasNext()) {
                Element e = elements.next();
                facts.read(e);
                // what is inside it has been read: let go of it. (Removing e itself would make its parent
                // renumber all its children for every element that follows: quadratic in a long page.)
                e.empty();
            }
        }
        return facts.done();
    }

    /** What the reading of one page finds. */
    private final class Facts {
        private final String page;
        private final Set<String> ids = new HashSet<>();
        private final List<Check> checks = new ArrayList<>();
        private final List<Here> here = new ArrayList<>();

        Facts(String page) {
            this.page = page;
        }

        void read(Element e) {
            if (e.hasAttr("id")) {
                ids.add(e.attr("id"));
            }
            for (String attr : LINK_ATTRS) {
                if (e.hasAttr(attr)) {
                    firstLook(page, e, attr, checks, here);
                }
            }
        }

        PageFacts done() {
            // links to this page's own fragments can be decided now that all its ids are read
            for (Here h : here) {
                String problem = fragmentProblem(h.link(), h.target(), ids);
                if (problem != null) {
                    checks.add(new Problem(problem));
                }
            }
            return new PageFacts(Set.copyOf(ids), checks.isEmpty() ? List.of() : List.copyOf(checks));
        }
    }

    /** Reports the problems of every page, in path order, then in page order. */
    public void report(Map<String, PageFacts> facts, Diagnostics diags) {
        for (Map.Entry<String, PageFacts> e : new TreeMap<>(facts).entrySet()) {
            String page = e.getKey();
            for (Check c : e.getValue().checks()) {
                String problem;
                if (c instanceof Problem p) {
                    problem = p.message();
                } else {
                    Pending p = (Pending) c;
                    PageFacts target = facts.get(p.target().path());
                    problem = fragmentProblem(p.link(), p.target(), target == null ? null : target.ids());
                }
                if (problem != null) {
                    diags.error(Position.of(page), problem);
                }
            }
        }
    }

    /** Decides what can be decided about a link while its page is read. */
    private void firstLook(String page, Element e, String attr, List<Check> checks, List<Here> here) {
        String tag = e.normalName();
        if (tag.equals("base") || tag.equals("link") && e.attr("rel").equals("canonical") || tag.equals("meta")) {
            return; // canonical URLs are absolute by design
        }
        if (e.hasAttr(Markdown.SITE_LINK)) {
            return; // checked once, at its entry in edition.yaml, by MarkdownLinks
        }
        String link = e.attr(attr);
        String lower = link.trim().toLowerCase(Locale.ROOT);
        boolean navigation = tag.equals("a") && attr.equals("href");
        if (lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("//")) {
            if (!navigation) {
                checks.add(new Problem("<" + tag + " " + attr + "> loads from another host: " + link));
            }
            return;
        }
        if (lower.startsWith("mailto:") && navigation) {
            return;
        }
        if (hasScheme(lower)) {
            checks.add(new Problem("link with a forbidden scheme: " + link));
            return;
        }
        if (link.startsWith("/") && (!page.equals(Pages.NOT_FOUND) || basePath == null || !link.startsWith(basePath))) {
            checks.add(new Problem("root-absolute link breaks under a subpath: " + link));
            return;
        }
        String path = link.startsWith("/") ? link.substring(basePath.length()) : link;
        String from = link.startsWith("/") ? "" : page;
        // a link resolves the same from every page of a folder, unless it leads to its own page ("#id")
        boolean ownPage = path.isEmpty() || path.charAt(0) == '#' || path.charAt(0) == '?';
        String base = ownPage ? from : from.substring(0, from.lastIndexOf('/') + 1);
        Resolved r = resolved.computeIfAbsent(base + "\0" + path, k -> SiteUrl.resolve(from, path));
        if (r instanceof Malformed) {
            checks.add(new Problem("malformed link: " + link));
            return;
        }
        Target t = (Target) r;
        if (t.outsideRoot() || !paths.contains(t.path())) {
            checks.add(new Problem("broken link to " + link + " (no such page or asset in the site)"));
        } else if (t.fragment() != null) {
            if (t.path().equals(page)) {
                here.add(new Here(link, t));
            } else {
                checks.add(new Pending(link, t));
            }
        }
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

    private static String fragmentProblem(String link, Target t, Set<String> targetIds) {
        if (targetIds == null || !targetIds.contains(t.fragment())) {
            return "broken fragment in " + link + " (" + t.path() + " has no id \"" + t.fragment() + "\")";
        }
        return null;
    }
}
