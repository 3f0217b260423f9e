package org.bitext.render;

import java.util.Set;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * The nodes {@link Markdown} writes its own way, in front of commonmark's core renderer: raw HTML,
 * images and thematic breaks are dropped; a heading is shown as a paragraph (a note has no outline), or
 * as inline text when it is all an inline text holds;
 * code blocks lose their language class; text is escaped as the pages' other text is ({@code &}, {@code <},
 * {@code >}, the no-break space and control characters; quotes stay as they are); line breaks are {@code <br>}.
 */
final class SafeNodes implements NodeRenderer {
    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    SafeNodes(HtmlNodeRendererContext context) {
        this.context = context;
        this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(HtmlInline.class, HtmlBlock.class, Image.class, ThematicBreak.class, Heading.class,
                FencedCodeBlock.class, IndentedCodeBlock.class, Text.class, Code.class, HardLineBreak.class,
                LatinInEmphasis.Run.class);
    }

    @Override
    public void render(Node node) {
        if (node instanceof Text t) {
            html.raw(escape(t.getLiteral()));
        } else if (node instanceof Code c) {
            html.raw("<code>" + escape(c.getLiteral()) + "</code>");
        } else if (node instanceof HardLineBreak) {
            html.raw("<br>");
            html.line();
        } else if (node instanceof LatinInEmphasis.Run r) {
            html.raw("<span class=\"latn\">" + escape(r.literal) + "</span>");
        } else if (node instanceof Heading h && h.getFirstChild() != null) {
            boolean alone = context.shouldOmitSingleParagraphP() && h.getParent() instanceof Document
                    && h.getPrevious() == null && h.getNext() == null;
            if (alone) {
                children(h);
                return;
            }
            html.line();
            html.raw("<p>");
            children(h);
            html.raw("</p>");
            html.line();
        } else if (node instanceof FencedCodeBlock f) {
            codeBlock(f.getLiteral());
        } else if (node instanceof IndentedCodeBlock i) {
            codeBlock(i.getLiteral());
        }
        // HtmlInline, HtmlBlock, Image, ThematicBreak: nothing
    }

    private void codeBlock(String literal) {
        html.line();
        html.raw("<pre><code>" + escape(literal) + "</code></pre>");
        html.line();
    }

    private void children(Node parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            context.render(n);
        }
    }

    static String escape(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '\u00A0' -> "&nbsp;";
                default -> c < ' ' && c != '\t' && c != '\n' && c != '\r' ? "&#x" + Integer.toHexString(c) + ";" : null;
            };
            if (r != null && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                if (r != null) {
                    out.append(r);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }
}
