package org.bitext.text;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/**
 * How deeply Markdown may nest. commonmark-java's renderers and visitors recurse once per level, so a
 * text of 100 000 {@code >} would overflow the stack. Its parser caps the depth it builds
 * ({@link #parser}); anything deeper than {@link #MAX} is refused by whoever reads the text, with its position.
 */
public final class Nesting {
    /** The deepest nesting (quotes, lists, emphasis, links) a text may have. */
    public static final int MAX = 100;
    /** What the parser may build: a little more than {@link #MAX}, so going beyond it shows in the tree. */
    private static final int CAP = MAX + 10;

    private Nesting() {
    }

    /** A parser builder whose trees never nest much deeper than {@link #MAX}. */
    public static Parser.Builder parser() {
        return Parser.builder().maxOpenBlockParsers(CAP).maxInlineNesting(CAP);
    }

    /** The first node (in text order) nested more than {@link #MAX} levels below {@code root}, or null. Walks without recursion. */
    public static Node tooDeep(Node root) {
        int depth = 0;
        Node n = root;
        while (n != null) {
            if (depth > MAX) {
                return n;
            }
            if (n.getFirstChild() != null) {
                n = n.getFirstChild();
                depth++;
                continue;
            }
            while (n != root && n.getNext() == null) {
                n = n.getParent();
                depth--;
            }
            n = n == root ? null : n.getNext();
        }
        return null;
    }
}
