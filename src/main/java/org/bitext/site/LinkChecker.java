package org.bitext.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bitext.diag.Diagnostics;
import org.bitext.diag.Position;
import org.bitext.render.Pages;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

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
        Map<String, Set<String>> ids = new HashMap<>();
        Map<String, Document> docs = new HashMap<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (f.getKey().endsWith(".html")) {
                Document d = Jsoup.parse(new String(f.getValue(), StandardCharsets.UTF_8));
                docs.put(f.getKey(), d);
                Set<String> set = new HashSet<>();
                for (Element e : d.select("[id]")) {
                    set.add(e.id());
                }
                ids.put(f.getKey(), set);
            }
        }
        for (Map.Entry<String, Document> e : docs.entrySet()) {
            String page = e.getKey();
            for (Element el : e.getValue().select("[href], [src], [srcset], [action], [poster], [data]")) {
                for (String attr : new String[] {"href", "src", "srcset", "action", "poster", "data"}) {
                    if (el.hasAttr(attr)) {
                        checkLink(page, el, attr, el.attr(attr), files, ids, basePath);
                    }
                }
            }
        }
    }

    private void checkLink(String page, Element el, String attr, String link, Map<String, byte[]> files,
            Map<String, Set<String>> ids, String basePath) {
        String tag = el.tagName();
        if (tag.equals("base") || tag.equals("link") && el.attr("rel").equals("canonical")
                || tag.equals("meta")) {
            return; // canonical URLs are absolute by design
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
