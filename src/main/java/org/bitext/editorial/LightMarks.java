package org.bitext.editorial;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * Hands SnakeYAML's composer the parser's events with marks that keep only their place. A SnakeYAML
 * mark also keeps the reader's window of text it was taken from (for error snippets), and every node
 * keeps two marks: for a 60 MB edition.yaml the node tree then held the whole text again as
 * {@code int[]} code points. Positions in our messages need only line and column, and only where a
 * node starts: the end mark is the start mark. The keys ({@code at}, {@code text}…) are one string
 * each instead of one per entry.
 */
final class LightMarks implements Parser {
    private static final int[] NO_TEXT = new int[0];
    /** Short plain values seen so far (keys above all), shared instead of one string per node; bounded. */
    private static final int SHARED_AT_MOST = 4096;
    private final java.util.Map<String, String> shared = new java.util.HashMap<>();
    private final Parser parser;
    private Event peeked;
    private int aliases;

    LightMarks(Parser parser) {
        this.parser = parser;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return parser.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        if (peeked == null) {
            peeked = light(parser.peekEvent());
        }
        return peeked;
    }

    @Override
    public Event getEvent() {
        peekEvent();
        parser.getEvent();
        Event e = peeked;
        peeked = null;
        if (e instanceof AliasEvent) {
            aliases++;
        }
        return e;
    }

    /**
     * How many aliases were read. Each makes one more reference to a node that is already in the tree
     * (this composer does not merge {@code <<} keys), so this is how often nodes are reused.
     */
    int aliases() {
        return aliases;
    }

    private static Mark light(Mark m) {
        return m == null ? null : new Mark(m.getName(), m.getIndex(), m.getLine(), m.getColumn(), NO_TEXT, 0);
    }

    private String share(String value) {
        if (value.length() > 12) {
            return value;
        }
        String known = shared.get(value);
        if (known != null) {
            return known;
        }
        if (shared.size() < SHARED_AT_MOST) {
            shared.put(value, value);
        }
        return value;
    }

    private Event light(Event e) {
        if (e == null) {
            return null;
        }
        Mark start = light(e.getStartMark());
        Mark end = start; // only where a node starts is ever reported
        if (e instanceof ScalarEvent s) {
            return new ScalarEvent(s.getAnchor(), s.getTag(), s.getImplicit(), share(s.getValue()), start, end, s.getScalarStyle());
        } else if (e instanceof MappingStartEvent m) {
            return new MappingStartEvent(m.getAnchor(), m.getTag(), m.getImplicit(), start, end, m.getFlowStyle());
        } else if (e instanceof SequenceStartEvent q) {
            return new SequenceStartEvent(q.getAnchor(), q.getTag(), q.getImplicit(), start, end, q.getFlowStyle());
        } else if (e instanceof MappingEndEvent) {
            return new MappingEndEvent(start, end);
        } else if (e instanceof SequenceEndEvent) {
            return new SequenceEndEvent(start, end);
        } else if (e instanceof AliasEvent a) {
            return new AliasEvent(a.getAnchor(), start, end);
        }
        return e; // stream and document events and comments make no node
    }
}
