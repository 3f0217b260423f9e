package org.bitext.render;

import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * Writes the HTML of plain Markdown (paragraphs, emphasis, code spans, line breaks, lists, quotes and
 * links to ordinary addresses) straight from commonmark's tree, exactly as {@link Markdown}'s sanitizer
 * would leave it: the same elements, attributes, escaping and white space. Nothing it writes comes from
 * the text unescaped, and it writes no element or attribute the sanitizer would not keep.
 *
 * <p>Anything else (raw HTML, images, headings, code blocks, rules, link titles, addresses with unusual
 * characters) makes {@link #render} return null, and the text then goes through the sanitizer. Most notes
 * are plain, so most builds never start the sanitizer at all. {@code PlainHtmlTest} checks that both ways
 * give the same bytes, on every text of the edition and on a corpus of tricky Markdown.
 */
final class PlainHtml extends AbstractVisitor {
    /** An http(s) address with a host and only characters that need no escaping or checking. */
    private static final Pattern WEB = Pattern.compile(
            "(?i:https?)://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:[/?#][A-Za-z0-9._~!$&'()*+,;=:@%/?#-]*)?");
    private static final Pattern MAIL = Pattern.compile("(?i:mailto):[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+");
    /** A path within the site, with an optional query and fragment; no scheme, no host. */
    private static final Pattern SITE = Pattern.compile(
            "/?(?:[A-Za-z0-9._~!$&'()*+,;=@%-][A-Za-z0-9._~!$&'()*+,;=@%/-]*)?(?:\\?[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*)?"
            + "(?:#[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*)?");

    private final StringBuilder out = new StringBuilder();
    private boolean plain = true;

    private PlainHtml() {
    }

    /** The HTML of {@code document}, or null when it holds more than plain Markdown. */
    static String render(Document document) {
        PlainHtml r = new PlainHtml();
        document.accept(r);
        return r.plain ? r.out.toString().trim() : null;
    }

    /** Starts a new line unless the output is empty or already at one, as commonmark's writer does. */
    private void line() {
        int n = out.length();
        if (n > 0 && out.charAt(n - 1) != '\n') {
            out.append('\n');
        }
    }

    private void text(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\u00A0' -> out.append("&nbsp;");
                default -> {
                    if (c < 0x20 && c != '\t' || Character.isSurrogate(c)
                            && !(Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))) {
                        plain = false; // control characters and lone surrogates: the sanitizer writes them as references
                        return;
                    }
                    out.append(c);
                    if (Character.isHighSurrogate(c)) {
                        out.append(s.charAt(++i));
                    }
                }
            }
        }
    }

    /**
     * The kinds of node written here. Any other (raw HTML, images, headings, code blocks, thematic
     * breaks, link reference definitions, nodes of extensions or of later commonmark versions) is not
     * plain.
     */
    private static final Set<Class<? extends Node>> PLAIN = Set.of(Paragraph.class, Text.class, Emphasis.class,
            StrongEmphasis.class, Code.class, SoftLineBreak.class, HardLineBreak.class, Link.class, BulletList.class,
            OrderedList.class, ListItem.class, BlockQuote.class);

    @Override
    protected void visitChildren(Node parent) {
        for (Node n = parent.getFirstChild(); n != null && plain; n = n.getNext()) {
            if (PLAIN.contains(n.getClass())) {
                n.accept(this);
            } else {
                plain = false;
            }
        }
    }

    @Override
    public void visit(Document document) {
        visitChildren(document);
    }

    @Override
    public void visit(Paragraph paragraph) {
        Node gramps = paragraph.getParent() == null ? null : paragraph.getParent().getParent();
        boolean tight = gramps instanceof ListBlock l && l.isTight();
        if (!tight) {
            line();
            out.append("<p>");
        }
        visitChildren(paragraph);
        if (!tight) {
            out.append("</p>");
            line();
        }
    }

    @Override
    public void visit(BlockQuote blockQuote) {
        block("blockquote", blockQuote);
    }

    @Override
    public void visit(BulletList bulletList) {
        block("ul", bulletList);
    }

    @Override
    public void visit(OrderedList orderedList) {
        block("ol", orderedList); // a start number is not kept by the sanitizer either
    }

    private void block(String tag, Node node) {
        line();
        out.append('<').append(tag).append('>');
        line();
        visitChildren(node);
        line();
        out.append("</").append(tag).append('>');
        line();
    }

    @Override
    public void visit(ListItem listItem) {
        out.append("<li>");
        visitChildren(listItem);
        out.append("</li>");
        line();
    }

    @Override
    public void visit(Text text) {
        text(text.getLiteral());
    }

    @Override
    public void visit(Code code) {
        out.append("<code>");
        text(code.getLiteral());
        out.append("</code>");
    }

    @Override
    public void visit(Emphasis emphasis) {
        out.append("<em>");
        visitChildren(emphasis);
        out.append("</em>");
    }

    @Override
    public void visit(StrongEmphasis strongEmphasis) {
        out.append("<strong>");
        visitChildren(strongEmphasis);
        out.append("</strong>");
    }

    @Override
    public void visit(SoftLineBreak softLineBreak) {
        out.append(' ');
    }

    @Override
    public void visit(HardLineBreak hardLineBreak) {
        out.append("<br>");
        line();
    }

    @Override
    public void visit(Link link) {
        String href = link.getDestination();
        if (link.getTitle() != null || href.isEmpty() || href.startsWith("//")) {
            plain = false;
            return;
        }
        boolean site;
        if (WEB.matcher(href).matches() || MAIL.matcher(href).matches()) {
            site = false;
        } else if (SITE.matcher(href).matches()) {
            site = !href.startsWith("#");
        } else {
            plain = false;
            return;
        }
        String shown = site ? Markdown.siteHref(href) : href;
        out.append("<a href=\"").append(shown.replace("&", "&amp;")).append("\" rel=\"noopener noreferrer\"");
        if (site) {
            out.append(' ').append(Markdown.SITE_LINK).append("=\"\"");
        }
        out.append('>');
        visitChildren(link);
        out.append("</a>");
    }
}
