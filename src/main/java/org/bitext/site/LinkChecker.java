package org.bitext.site;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bitext.diag.Diagnostics;
import org.bitext.diag.Position;
import org.bitext.render.Markdown;
import org.bitext.render.Pages;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.parser.StreamParser;

/**
 * Checks every link of the rendered site before anything is written: a relative link must lead to a
 * page or asset the build makes, its #fragment must exist there, and nothing may be loaded from
 * another host. Only {@code <a href>} may point outside (http, https, mailto).
 */
public final class LinkChecker {
    private final Diagnostics diags;

    public LinkChecker(Diagnostics diags) {
        this.diags = diags;
    }

    public void check(Map<String, byte[]> files, String basePath) {
        List<String> pages = files.keySet().stream().filter(k -> k.endsWith(".html")).toList();
        // Pages are parsed in parallel, and only their ids and links are kept, not their DOM: a big
        // edition's pages would not fit in memory as jsoup documents all at once.
        List<PageLinks> scanned = pages.parallelStream().map(p -> scan(files.get(p))).toList();
        Map<String, Set<String>> ids = new HashMap<>();
        for (int i = 0; i < pages.size(); i++) {
            ids.put(pages.get(i), scanned.get(i).ids());
        }
        for (int i = 0; i < pages.size(); i++) {
            for (Link link : scanned.get(i).links()) {
                checkLink(pages.get(i), link, files, ids, basePath);
            }
        }
    }

    /** One link attribute of an element: enough to check it without keeping the page's DOM. */
    private record Link(String tag, String rel, String attr, String value, boolean fromMarkdown) {
    }

    private record PageLinks(Set<String> ids, List<Link> links) {
    }

    private static final String[] LINK_ATTRS = {"href", "src", "srcset", "action", "poster", "data"};

    /**
     * Reads a page's ids and links with jsoup's streaming parser, dropping each element once read, so
     * a page of 100 000 turns never exists as one DOM.
     */
    private static PageLinks scan(byte[] html) {
        Set<String> set = new HashSet<>();
        List<Link> links = new ArrayList<>();
        try (StreamParser parser = new StreamParser(Parser.htmlParser())
                .parse(new InputStreamReader(new ByteArrayInputStream(html), StandardCharsets.UTF_8), "")) {
            Iterator<Element> elements = parser.iterator();
            while (elements.hasNext()) {
                Element el = elements.next();
                if (el.hasAttr("id")) {
                    set.add(el.id());
                }
                for (String attr : LINK_ATTRS) {
                    if (el.hasAttr(attr)) {
                        links.add(new Link(el.tagName(), el.attr("rel"), attr, el.attr(attr),
                                el.hasAttr(Markdown.SITE_LINK)));
                    }
                }
                if (el.parent() != null) {
                    el.remove();
                }
            }
        }
        return new PageLinks(set, links);
    }

    private void checkLink(String page, Link l, Map<String, byte[]> files, Map<String, Set<String>> ids,
            String basePath) {
        String tag = l.tag();
        String attr = l.attr();
        String link = l.value();
        if (tag.equals("base") || tag.equals("link") && l.rel().equals("canonical")
                || tag.equals("meta")) {
            return; // canonical URLs are absolute by design
        }
        if (l.fromMarkdown()) {
            return; // checked once, at its entry in edition.yaml, by MarkdownLinks
        }
        String lower = link.trim().toLowerCase(Locale.ROOT);
        boolean navigation = tag.equals("a") && attr.equals("href");
        if (lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("//")) {
            if (!navigation) {
                error(page, "<" + tag + " " + attr + "> loads from another host: " + link);
            }
            return;
        }
        if (lower.startsWith("mailto:") && navigation) {
            return;
        }
        if (lower.matches("^[a-z][a-z0-9+.-]*:.*")) {
            error(page, "link with a forbidden scheme: " + link);
            return;
        }
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
                error(page, "root-absolute link breaks under a subpath: " + link);
                return;
            }
            resolved = target.substring(basePath.length());
        } else if (target.isEmpty()) {
            resolved = page;
        } else {
            try {
                URI base = new URI("site:/" + page);
                resolved = base.resolve(new URI(null, null, target, null)).getPath().substring(1);
            } catch (URISyntaxException | IllegalArgumentException ex) {
                error(page, "malformed link: " + link);
                return;
            }
        }
        if (resolved.isEmpty() || resolved.endsWith("/")) {
            resolved = resolved + "index.html";
        }
        if (resolved.startsWith("../") || !files.containsKey(resolved)) {
            error(page, "broken link to " + link + " (no such page or asset in the site)");
            return;
        }
        if (fragment != null && !fragment.isEmpty()) {
            Set<String> targetIds = ids.get(resolved);
            String decoded = java.net.URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
            if (targetIds == null || !targetIds.contains(decoded)) {
                error(page, "broken fragment in " + link + " (" + resolved + " has no id \"" + decoded + "\")");
            }
        }
    }

    private void error(String page, String message) {
        diags.error(Position.of(page), message);
    }
}
