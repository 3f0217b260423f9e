package org.bitext.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bitext.diag.Diagnostics;
import org.bitext.diag.Position;
import org.bitext.edition.Edition;
import org.bitext.edition.Note;
import org.bitext.edition.Section;
import org.bitext.edition.Turn;
import org.bitext.render.Markdown;

/**
 * Checks the site links an editor wrote in Markdown (notes, reasons, the introduction) once each, and
 * reports a broken one at the entry in edition.yaml, not at every page that shows it.
 */
public final class MarkdownLinks {
    private static final Set<String> SITE_LINK_ATTRIBUTES = Set.of("href", Markdown.SITE_LINK);

    private final Diagnostics diags;
    private final Markdown markdown;
    private Set<String> files;
    private Map<String, LinkChecker.PageFacts> pages;

    public MarkdownLinks(Diagnostics diags, Markdown markdown) {
        this.diags = diags;
        this.markdown = markdown;
    }

    /**
     * @param files every file of the site
     * @param pages the link-check facts (ids) of each page
     */
    public void check(Edition edition, Set<String> files, Map<String, LinkChecker.PageFacts> pages) {
        this.files = files;
        this.pages = pages;
        for (Note n : edition.notes().values()) {
            check(n.markdown(), n.position(), "note '" + n.id() + "'");
        }
        for (Section s : edition.sections()) {
            for (Turn t : s.turns()) {
                if (!t.interventions().isEmpty()) {
                    check(t.interventions().get(0).reason(), t.position(), "the reason of turn '" + t.id() + "'");
                }
            }
        }
        if (edition.meta().introduction() != null) {
            check(edition.meta().introduction().zh(), edition.meta().position(), "the introduction");
            check(edition.meta().introduction().en(), edition.meta().position(), "the introduction");
        }
    }

    private void check(String text, Position at, String where) {
        // Only text that can hold a link is rendered again.
        if (text == null || !(text.contains("](") || text.contains("]:") || text.contains("href"))) {
            return;
        }
        List<String> links = new ArrayList<>();
        byte[] html = markdown.block(text).getBytes(StandardCharsets.UTF_8);
        HtmlTags.scan(html, html.length, SITE_LINK_ATTRIBUTES, (tag, attributes) -> {
            String href = HtmlTags.get(attributes, "href");
            if (tag.equals("a") && href != null && HtmlTags.get(attributes, Markdown.SITE_LINK) != null) {
                links.add(href);
            }
        });
        for (String href : links) {
            String link = href.substring(Markdown.ROOT.length());
            String fragment = null;
            int hash = link.indexOf('#');
            String path = hash < 0 ? link : link.substring(0, hash);
            if (hash >= 0) {
                fragment = link.substring(hash + 1);
            }
            int q = path.indexOf('?');
            if (q >= 0) {
                path = path.substring(0, q);
            }
            String resolved;
            try {
                resolved = new URI("site:/").resolve(new URI(null, null, path, null)).getPath().substring(1);
            } catch (URISyntaxException | IllegalArgumentException e) {
                diags.error(at, "malformed link '" + link + "' in " + where);
                continue;
            }
            if (resolved.isEmpty() || resolved.endsWith("/")) {
                resolved += "index.html";
            }
            if (resolved.startsWith("../") || !files.contains(resolved)) {
                diags.error(at, "broken link '" + link + "' in " + where + ": the site has no " + resolved,
                        "links in Markdown are relative to the site root, e.g. glossary.html or sections/<id>.html#<turn-id>");
            } else if (fragment != null && !fragment.isEmpty() && resolved.endsWith(".html")
                    && (pages.get(resolved) == null || !pages.get(resolved).ids().contains(fragment))) {
                diags.error(at, "broken link '" + link + "' in " + where + ": " + resolved + " has no id \"" + fragment + "\"");
            }
        }
    }
}
