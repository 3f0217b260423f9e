package org.bitext.render;

import java.util.HashMap;
import java.util.Map;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Renders an editor's Markdown to HTML that is safe to put on a page: commonmark-java parses it; plain
 * Markdown is written straight from the tree ({@link PlainHtml}); anything else is rendered by
 * commonmark and cleaned by jsoup, which keeps only a small set of formatting elements and http(s)/mailto
 * or relative links. Both ways give the same HTML for plain Markdown. No script, event handler, style,
 * javascript: or data: URL survives.
 *
 * <p>A relative link in a note is relative to the site root ({@code glossary.html#g-jianguan}); as the
 * same note appears on pages at different depths, such links come out as {@value #ROOT}… and
 * templates replace that prefix with the page's way back to the root.
 */
public final class Markdown {
    private static final String BASE = "https://bitext.invalid/";
    /** Stands for the page's path to the site root in rendered note links. */
    public static final String ROOT = "bitext-root:";
    /** Marks a site link written in Markdown: checked once at its source entry, not on every page. */
    public static final String SITE_LINK = "data-site-link";

    private final Parser parser = Parser.builder().build();
    /** jsoup's cleaner, made on the first text that is not plain ({@link PlainHtml}): most builds never need it. */
    private Sanitizer sanitizer;
    private final boolean cached;
    private Map<String, String> current = new HashMap<>();
    private Map<String, String> previous = new HashMap<>();

    /** Renders every text afresh. */
    public Markdown() {
        this(false);
    }

    /**
     * @param cached remember the HTML of each text, for a renderer kept between builds: after an edit
     *     only the changed texts are rendered again. Texts not asked for during a whole build are forgotten
     *     (see {@link #nextBuild}). Not thread-safe.
     */
    public Markdown(boolean cached) {
        this.cached = cached;
    }

    /** Starts a build: what the build before the last one asked for and the last one did not is dropped. */
    public void nextBuild() {
        previous = current;
        current = new HashMap<>();
    }

    /** Block HTML (paragraphs, lists) for a note or an introduction. */
    public String block(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        if (!cached) {
            return render(markdown);
        }
        String html = current.get(markdown);
        if (html == null) {
            html = previous.get(markdown);
            current.put(markdown, html != null ? html : (html = render(markdown)));
        }
        return html;
    }

    private String render(String markdown) {
        Node document = parser.parse(markdown);
        String plain = PlainHtml.render((org.commonmark.node.Document) document);
        return plain != null ? plain : sanitized(document);
    }

    /** The sanitizer's way, for every text: commonmark's HTML, cleaned by jsoup (tests compare both ways). */
    String sanitized(String markdown) {
        return sanitized(parser.parse(markdown));
    }

    private String sanitized(Node document) {
        if (sanitizer == null) {
            sanitizer = new Sanitizer();
        }
        return sanitizer.clean(sanitizer.renderer.render(document));
    }

    /** Keeps a small set of formatting elements and http(s)/mailto or relative links; marks site links. */
    private static final class Sanitizer {
        private final HtmlRenderer renderer = HtmlRenderer.builder().softbreak(" ").build();
        private final Safelist safelist = Safelist.basic()
                .removeTags("span")
                .removeProtocols("a", "href", "ftp")
                .preserveRelativeLinks(true)
                .addAttributes("a", "title")
                .addEnforcedAttribute("a", "rel", "noopener noreferrer");
        private final Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);

        String clean(String html) {
            Document clean = new Cleaner(safelist).clean(Jsoup.parseBodyFragment(html, BASE));
            clean.outputSettings(output);
            for (Element a : clean.select("a[href]")) {
                String href = a.attr("href");
                // "//host/…" is another site (scheme-relative), not a page of this one
                if (!href.startsWith("#") && !href.startsWith("//") && !href.matches("(?s)^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    a.attr("href", siteHref(href));
                    a.attr(SITE_LINK, "");
                }
            }
            return clean.body().html().trim();
        }
    }

    /** A site link as rendered notes carry it: {@value #ROOT}, then the path without leading slashes. */
    static String siteHref(String href) {
        int slashes = 0;
        while (slashes < href.length() && href.charAt(slashes) == '/') {
            slashes++;
        }
        return ROOT + href.substring(slashes);
    }

    /** Inline HTML: the same, without the wrapping paragraph when the text is a single paragraph. */
    public String inline(String markdown) {
        String html = block(markdown);
        if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 3) < 0) {
            return html.substring(3, html.length() - 4);
        }
        return html;
    }
}
