package org.bitext.editorial;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML's composer, except that the long lists and mappings at the top of the document (turns,
 * notes…) are not kept as node trees: each item is handed to {@link Items} as soon as it is composed and
 * then dropped, so at most one item's nodes are alive at a time. A value handed on this way is left in
 * the tree as an empty list or mapping with its own marks. Whether a value streams is up to
 * {@link Items#streams}; it never does when it carries an anchor or a tag (an alias to it must find the
 * whole value, and a tag is checked by SnakeYAML), or when its key is not the first of its name (the
 * reader reads the first one and reports the others). Items reached through an alias are handed on
 * like the others, in their place. Also leaves out the comment lists SnakeYAML gives every node.
 */
final class ItemComposer extends Composer {
    /** Receives the values of the document's top-level mapping. */
    interface Items {
        /** Whether the value of top-level {@code key}, a list (or a mapping when {@code mapping}), streams. */
        boolean streams(String key, boolean mapping);

        /** An item of a streamed list, in document order. */
        void item(String key, Node item);

        /** An entry of a streamed mapping, in document order. */
        void entry(String key, Node id, Node value);

        /** A streamed value is complete; {@code placeholder} is what the tree keeps of it. */
        void streamed(String key, Node placeholder);

        /** A top-level value composed whole (the first one of its key). */
        void value(String key, Node value);
    }

    /** The parent the items of a streamed value are composed under (SnakeYAML only uses it to spot recursion). */
    private static final MappingNode ITEM_PARENT = new MappingNode(Tag.MAP, List.of(), DumperOptions.FlowStyle.AUTO);
    private final Items items;
    private final Set<String> keysSeen = new HashSet<>();
    /** Lists and mappings open around the node being composed. */
    private int open;
    private MappingNode root;
    private String lastRootKey;
    /** The top-level key whose value is about to be composed, while it may still stream. */
    private String pending;

    ItemComposer(Parser parser, LoaderOptions options, Items items) {
        super(parser, new TextOnly(), options);
        this.items = items;
    }

    @Override
    protected Node composeKeyNode(MappingNode parent) {
        Node key = super.composeKeyNode(parent);
        if (open == 1) { // only keys of the document's own mapping are read with nothing else open
            root = parent;
            lastRootKey = key instanceof ScalarNode s ? s.getValue() : null;
        }
        return key;
    }

    @Override
    protected Node composeValueNode(MappingNode parent) {
        if (parent != root) {
            return super.composeValueNode(parent);
        }
        String key = lastRootKey != null && keysSeen.add(lastRootKey) ? lastRootKey : null;
        pending = key;
        Node value;
        try {
            value = super.composeValueNode(parent);
        } finally {
            pending = null;
        }
        if (key != null && !(value instanceof Placeholder)) {
            items.value(key, value);
        }
        return value;
    }

    /** The key whose value starts now, if it may stream; later nodes are not that value. */
    private String takePending() {
        String key = pending;
        pending = null;
        return key;
    }

    private boolean mayStream(String key, String anchor, boolean mapping) {
        return key != null && anchor == null && ((CollectionStartEvent) parser.peekEvent()).getTag() == null
                && items.streams(key, mapping);
    }

    @Override
    protected Node composeScalarNode(String anchor, List<CommentLine> blockComments) {
        takePending();
        return lean(super.composeScalarNode(anchor, blockComments));
    }

    @Override
    protected Node composeSequenceNode(String anchor) {
        return composeCollection(anchor, false);
    }

    @Override
    protected Node composeMappingNode(String anchor) {
        return composeCollection(anchor, true);
    }

    private Node composeCollection(String anchor, boolean mapping) {
        String key = takePending();
        open++;
        try {
            if (mayStream(key, anchor, mapping)) {
                return stream(key, mapping);
            }
            return lean(mapping ? super.composeMappingNode(anchor) : super.composeSequenceNode(anchor));
        } finally {
            open--;
        }
    }

    /** Composes the items (or entries) of a top-level list (or mapping) one by one, handing each on. */
    private Node stream(String key, boolean mapping) {
        CollectionStartEvent start = (CollectionStartEvent) parser.getEvent();
        while (!parser.checkEvent(mapping ? Event.ID.MappingEnd : Event.ID.SequenceEnd)) {
            if (mapping) {
                Node id = composeKeyNode(ITEM_PARENT);
                items.entry(key, id, composeValueNode(ITEM_PARENT));
            } else {
                items.item(key, composeValueNode(ITEM_PARENT));
            }
        }
        Event end = parser.getEvent();
        Node placeholder = lean(mapping ? new PlaceholderMapping(start, end) : new PlaceholderList(start, end));
        items.streamed(key, placeholder);
        return placeholder;
    }

    private static Node lean(Node n) {
        n.setBlockComments(null);
        n.setInLineComments(null);
        n.setEndComments(null);
        return n;
    }

    /** What the tree keeps of a streamed value. */
    private interface Placeholder {
    }

    private static final class PlaceholderList extends SequenceNode implements Placeholder {
        PlaceholderList(CollectionStartEvent start, Event end) {
            super(Tag.SEQ, true, new ArrayList<>(0), start.getStartMark(), end.getEndMark(), start.getFlowStyle());
        }
    }

    private static final class PlaceholderMapping extends MappingNode implements Placeholder {
        PlaceholderMapping(CollectionStartEvent start, Event end) {
            super(Tag.MAP, true, new ArrayList<>(0), start.getStartMark(), end.getEndMark(), start.getFlowStyle());
        }
    }

    /**
     * Gives every plain scalar the string tag. The reader looks at the text of scalars, never at their
     * tags, so SnakeYAML's regex tests of each scalar for booleans, numbers, dates and nulls were wasted
     * (about 1.5 % of a 10 000-turn build).
     */
    private static final class TextOnly extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            // none: resolve() then answers Tag.STR for every scalar
        }
    }
}
