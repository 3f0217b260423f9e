package org.bitext.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bitext.render.LinkPolicy.Destination;
import org.bitext.render.LinkPolicy.Refused;
import org.bitext.render.LinkPolicy.SitePath;
import org.bitext.text.Nesting;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders an editor's Markdown to HTML that is safe to put on a page, with commonmark-java configured
 * through its extension points: {@link LinkPolicy} keeps only http(s), mailto, fragment and site links;
 * {@link SafeNodes} drops raw HTML and images; every link gets {@code rel="noopener noreferrer"} and a
 * site link the {@value #SITE_LINK} mark; in Chinese texts {@link LatinInEmphasis} sets Latin words
 * inside emphasis apart. No script, event handler, style, javascript: or data: URL survives.
 *
 * <p>A relative link in a note is relative to the site root ({@code glossary.html#g-jianguan}); as the
 * same note appears on pages at different depths, such links come out as {@value #ROOT}… and
 * templates replace that prefix with the page's way back to the root.
 *
 * <p>A text nested deeper than {@link Nesting#MAX} levels renders as nothing; {@link #read} tells the
 * check, which refuses it at its entry.
 */
public final class Markdown {
    /** Stands for the page's path to the site root in rendered note links. */
    public static final String ROOT = "bitext-root:";
    /** Marks a site link written in Markdown: checked once at its source entry, not on every page. */
    public static final String SITE_LINK = "data-site-link";

    private static final Parser PLAIN = Nesting.parser().build();
    private static final Parser CHINESE = Nesting.parser().postProcessor(new LatinInEmphasis()).build();
    private static final HtmlRenderer BLOCK = renderer(false);
    private static final HtmlRenderer INLINE = renderer(true);

    private final boolean cached;
    private Map<String, String> current = new HashMap<>();
    private Map<String, String> previous = new HashMap<>();
    private Map<String, Reading> currentReadings = new HashMap<>();
    private Map<String, Reading> previousReadings = new HashMap<>();

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

    private static HtmlRenderer renderer(boolean inline) {
        return HtmlRenderer.builder()
                .softbreak(" ")
                .sanitizeUrls(true)
                .urlSanitizer(new LinkPolicy())
                .omitSingleParagraphP(inline)
                .attributeProviderFactory(context -> LINKS)
                .nodeRendererFactory(SafeNodes::new)
                .build();
    }

    /** Every link: {@code rel} instead of commonmark's {@code nofollow}; no href if refused; site links marked. */
    private static final AttributeProvider LINKS = (node, tag, attributes) -> {
        if (node instanceof Link link) {
            Destination d = LinkPolicy.classify(link.getDestination());
            attributes.remove("rel");
            if (d instanceof Refused) {
                attributes.remove("href");
            }
            attributes.put("rel", "noopener noreferrer");
            if (d instanceof SitePath) {
                attributes.put(SITE_LINK, "");
            }
        }
    };

    /** Starts a build: what the build before the last one asked for and the last one did not is dropped. */
    public void nextBuild() {
        previous = current;
        current = new HashMap<>();
        previousReadings = currentReadings;
        currentReadings = new HashMap<>();
    }

    /** Block HTML (paragraphs, lists) for a note or an introduction. */
    public String block(String markdown) {
        return html(markdown, 'b');
    }

    /** Inline HTML: the same, without the wrapping paragraph when the text is a single paragraph. */
    public String inline(String markdown) {
        return html(markdown, 'i');
    }

    /** {@link #block} for a Chinese text: Latin words inside emphasis are set apart. */
    public String blockZh(String markdown) {
        return html(markdown, 'B');
    }

    /** {@link #inline} for a Chinese text. */
    public String inlineZh(String markdown) {
        return html(markdown, 'I');
    }

    private String html(String markdown, char mode) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        if (!cached) {
            return render(markdown, mode);
        }
        String key = mode + markdown;
        String html = current.get(key);
        if (html == null) {
            html = previous.get(key);
            current.put(key, html != null ? html : (html = render(markdown, mode)));
        }
        return html;
    }

    private static String render(String markdown, char mode) {
        Node document = parse(markdown, Character.isUpperCase(mode) ? CHINESE : PLAIN);
        if (document == null) {
            return "";
        }
        return (Character.toLowerCase(mode) == 'i' ? INLINE : BLOCK).render(document).trim();
    }

    /** The tree of {@code markdown}, or null if it nests too deeply to render. */
    private static Node parse(String markdown, Parser parser) {
        Node document = parser.parse(markdown);
        if (Nesting.tooDeep(document) != null) {
            return null;
        }
        // definitions and raw HTML show nothing: without them a lone paragraph is inline text
        for (Node n = document.getFirstChild(); n != null; ) {
            Node next = n.getNext();
            if (n instanceof LinkReferenceDefinition || n instanceof HtmlBlock) {
                n.unlink();
            }
            n = next;
        }
        return document;
    }

    /** What the check needs to know of a text. */
    public sealed interface Reading permits TooDeep, Links {
    }

    /** The text nests deeper than {@link Nesting#MAX} levels and is not rendered. */
    public record TooDeep() implements Reading {
    }

    /**
     * The links of a text: {@code site}, the paths of its site links (relative to the root, as written
     * after the leading slashes); {@code malformed}, destinations refused as site paths (a scheme-like
     * first segment, a backslash, white space at an end), written as they are.
     */
    public record Links(List<String> site, List<String> malformed) implements Reading {
    }

    /** {@link #read}, remembered like the HTML when this renderer is kept between builds. */
    public Reading reading(String markdown) {
        Reading r = currentReadings.get(markdown);
        if (r == null) {
            r = cached ? previousReadings.get(markdown) : null;
            currentReadings.put(markdown, r != null ? r : (r = read(markdown)));
        }
        return r;
    }

    /** Reads {@code markdown} for the check, with the same parser the pages get. */
    public static Reading read(String markdown) {
        Node document = markdown == null ? null : parse(markdown, PLAIN);
        if (document == null) {
            return markdown == null ? new Links(List.of(), List.of()) : new TooDeep();
        }
        List<String> site = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                Destination d = LinkPolicy.classify(link.getDestination());
                if (d instanceof SitePath p) {
                    site.add(p.path());
                } else if (d instanceof Refused r && !r.scheme()) {
                    malformed.add(r.url());
                }
                visitChildren(link);
            }
        });
        return new Links(site, malformed);
    }
}
