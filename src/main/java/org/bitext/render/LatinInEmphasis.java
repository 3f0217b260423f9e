package org.bitext.render;

import org.commonmark.node.CustomNode;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.PostProcessor;

/**
 * Chinese marks emphasis with dots under each character ({@code text-emphasis} in the stylesheet), and
 * CSS cannot keep those dots off the Latin words a Chinese sentence quotes ("The Atlantic"). For the
 * Chinese texts, this step of the parser cuts each run of Latin letters and digits out of the text inside
 * an emphasis into a {@link Run}, which {@link SafeNodes} writes as {@code <span class="latn">} (set in
 * italics instead).
 */
final class LatinInEmphasis implements PostProcessor {

    /** A run of Latin words inside Chinese emphasis. */
    static final class Run extends CustomNode {
        final String literal;

        Run(String literal) {
            this.literal = literal;
        }
    }

    @Override
    public Node process(Node document) {
        // a walk without recursion
        Node n = document;
        while (n != null) {
            if (n instanceof Text t && insideEmphasis(t)) {
                joined(t);
                n = following(document, t); // before the split, which may take t out of the tree
                split(t);
            } else {
                n = following(document, n);
            }
        }
        return document;
    }

    /**
     * {@code text} with the text and line breaks that follow it in the same parent: a line break is
     * shown as a space, and "The⏎Atlantic" is one run of Latin words.
     */
    private static void joined(Text text) {
        StringBuilder sb = null;
        for (Node n = text.getNext(); n instanceof Text || n instanceof SoftLineBreak; n = text.getNext()) {
            if (sb == null) {
                sb = new StringBuilder(text.getLiteral());
            }
            sb.append(n instanceof Text t ? t.getLiteral() : " ");
            n.unlink();
        }
        if (sb != null) {
            text.setLiteral(sb.toString());
        }
    }

    private static Node following(Node root, Node n) {
        if (n.getFirstChild() != null) {
            return n.getFirstChild();
        }
        while (n != root && n.getNext() == null) {
            n = n.getParent();
        }
        return n == root ? null : n.getNext();
    }

    private static boolean insideEmphasis(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof Emphasis) {
                return true;
            }
        }
        return false;
    }

    private static void split(Text text) {
        String s = text.getLiteral();
        int i = 0;
        int plainFrom = 0;
        boolean changed = false;
        while (i < s.length()) {
            if (!isLatin(s.charAt(i))) {
                i++;
                continue;
            }
            int end = runEnd(s, i);
            if (i > plainFrom) {
                text.insertBefore(new Text(s.substring(plainFrom, i)));
            }
            text.insertBefore(new Run(s.substring(i, end)));
            changed = true;
            plainFrom = i = end;
        }
        if (!changed) {
            return;
        }
        if (plainFrom < s.length()) {
            text.setLiteral(s.substring(plainFrom));
        } else {
            text.unlink();
        }
    }

    /** A run of Latin letters and digits, with the spaces and word punctuation between them ("A. I.", "co-op"). */
    private static int runEnd(String s, int start) {
        int end = start + 1;
        int i = end;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (isLatin(c)) {
                end = ++i;
            } else if (c == ' ' || c == '-' || c == '.' || c == '\'' || c == '\u2019') {
                i++;
            } else {
                break;
            }
        }
        return end;
    }

    private static boolean isLatin(char c) {
        return c < 0x250 && Character.isLetterOrDigit(c);
    }
}
