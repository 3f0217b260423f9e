package org.bitext.render;

import freemarker.template.SimpleCollection;
import freemarker.template.SimpleNumber;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModelEx2;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateSequenceModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The data model as templates see it (maps as hashes, lists as sequences, strings, numbers and
 * booleans as themselves), and, for a page rendered in a kept build session, a record of everything
 * its template read: each value it looked up, each list length and each emptiness test, by the path
 * from the model's root. A template's output depends only on what it read, so when the same reads give
 * the same answers against the next build's model ({@link #sameAnswers}), the page would come out
 * byte for byte the same and need not be rendered again. That is how {@code serve} rebuilds only the
 * pages an edit touches, without being told which pages show what.
 *
 * <p>Values of any other type make the page one that is always rendered again.
 */
public final class Reads {
    /** Past this many reads a page is not worth recording (a page of a huge edition): it is always rendered. */
    private static final int MAX_READS = 1 << 20;

    private static final byte GET = 0;
    private static final byte INDEX = 1;
    private static final byte SIZE = 2;
    private static final byte EMPTY = 3;
    private static final byte KEYS = 4;

    /** What a read saw: the value itself for strings, numbers and booleans, else one of these. */
    private static final Object NULL = new Object();
    private static final Object MAP = new Object();
    private static final Object LIST = new Object();
    private static final Object OTHER = new Object();

    /** Node 0 is the root; node n was reached from node parent[n] by key[n] (a String or an Integer). */
    private int[] parent = new int[256];
    private Object[] key = new Object[256];
    private int nodes = 1;

    private int[] readNode = new int[1024];
    private byte[] readOp = new byte[1024];
    private Object[] readArg = new Object[1024];
    private Object[] answer = new Object[1024];
    private int reads;
    private boolean untrackable;

    /** A fresh record, for one rendering of one page. */
    public Reads() {
    }

    /** The model root as templates see it, without recording anything (a one-off build). */
    public static TemplateHashModelEx2 plain(Map<String, Object> model) {
        return new Hash(null, -1, model);
    }

    /** The model root as templates see it, recording every read into this record. */
    public TemplateHashModelEx2 root(Map<String, Object> model) {
        return new Hash(this, 0, model);
    }

    /** True if the record is complete: every value read was of a kind it can compare. */
    public boolean usable() {
        return !untrackable;
    }

    /**
     * True when every read of this record gives the same answer against {@code model}, so the template
     * rendered against it would write the same text.
     */
    public boolean sameAnswers(Map<String, Object> model) {
        if (untrackable) {
            return false;
        }
        Object[] at = new Object[nodes];
        at[0] = model;
        for (int n = 1; n < nodes; n++) {
            at[n] = child(at[parent[n]], key[n]);
        }
        for (int i = 0; i < reads; i++) {
            Object target = at[readNode[i]];
            Object seen = switch (readOp[i]) {
                case GET, INDEX -> target == OTHER ? OTHER : observe(child(target, readArg[i]));
                case SIZE -> target instanceof Map<?, ?> m ? (Object) m.size()
                        : target instanceof List<?> l ? (Object) l.size() : OTHER;
                case EMPTY -> target instanceof Map<?, ?> m ? (Object) m.isEmpty() : OTHER;
                default -> target instanceof Map<?, ?> m ? List.copyOf(m.keySet()) : OTHER;
            };
            if (seen == OTHER || !seen.equals(answer[i])) {
                return false;
            }
        }
        return true;
    }

    /** The value under {@code k} (a key of a map or an index into a list), null if none, OTHER if it cannot be. */
    private static Object child(Object parentValue, Object k) {
        if (k instanceof String s && parentValue instanceof Map<?, ?> m) {
            return m.get(s);
        }
        if (k instanceof Integer i && parentValue instanceof List<?> l) {
            return i >= 0 && i < l.size() ? l.get(i) : null;
        }
        return OTHER;
    }

    private static Object observe(Object v) {
        if (v == null) {
            return NULL;
        }
        if (v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            return v;
        }
        if (v instanceof Map) {
            return MAP;
        }
        if (v instanceof List) {
            return LIST;
        }
        return OTHER;
    }

    private boolean recording() {
        return !untrackable && reads < MAX_READS;
    }

    private void record(int node, byte op, Object arg, Object seen) {
        if (!recording()) {
            untrackable = true;
            return;
        }
        if (seen == OTHER) {
            untrackable = true;
            return;
        }
        if (reads == readNode.length) {
            int n = reads * 2;
            readNode = Arrays.copyOf(readNode, n);
            readOp = Arrays.copyOf(readOp, n);
            readArg = Arrays.copyOf(readArg, n);
            answer = Arrays.copyOf(answer, n);
        }
        readNode[reads] = node;
        readOp[reads] = op;
        readArg[reads] = arg;
        answer[reads] = seen;
        reads++;
    }

    private int node(int parentNode, Object k) {
        if (nodes == parent.length) {
            parent = Arrays.copyOf(parent, nodes * 2);
            key = Arrays.copyOf(key, nodes * 2);
        }
        parent[nodes] = parentNode;
        key[nodes] = k;
        return nodes++;
    }

    /** Wraps a value read at {@code k} under {@code parentNode}; records nothing itself. */
    private static TemplateModel wrap(Reads reads, int parentNode, Object k, Object v) throws TemplateModelException {
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return new SimpleScalar(s);
        }
        if (v instanceof Boolean b) {
            return b ? TemplateBooleanModel.TRUE : TemplateBooleanModel.FALSE;
        }
        if (v instanceof Integer || v instanceof Long) {
            return new SimpleNumber((Number) v);
        }
        boolean track = reads != null && reads.recording();
        if (v instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) m;
            return new Hash(track ? reads : null, track ? reads.node(parentNode, k) : -1, map);
        }
        if (v instanceof List<?> l) {
            return new Seq(track ? reads : null, track ? reads.node(parentNode, k) : -1, l);
        }
        throw new TemplateModelException("the page model holds a value templates cannot use: " + v.getClass().getName());
    }

    /** A map as a template hash. Tracked (reads != null): each key is read and recorded once. */
    private static final class Hash implements TemplateHashModelEx2 {
        private final Reads reads;
        private final int node;
        private final Map<String, Object> map;
        private final Map<String, TemplateModel> seen;

        Hash(Reads reads, int node, Map<String, Object> map) {
            this.reads = reads;
            this.node = node;
            this.map = map;
            this.seen = reads == null ? null : new HashMap<>(8);
        }

        @Override
        public TemplateModel get(String k) throws TemplateModelException {
            if (seen != null) {
                TemplateModel m = seen.get(k);
                if (m != null || seen.containsKey(k)) {
                    return m;
                }
            }
            Object v = map.get(k);
            if (reads == null) {
                return wrap(null, -1, k, v);
            }
            reads.record(node, GET, k, observe(v));
            TemplateModel m = wrap(reads, node, k, v);
            seen.put(k, m);
            return m;
        }

        @Override
        public boolean isEmpty() {
            boolean empty = map.isEmpty();
            if (reads != null) {
                reads.record(node, EMPTY, null, empty);
            }
            return empty;
        }

        @Override
        public int size() {
            int size = map.size();
            if (reads != null) {
                reads.record(node, SIZE, null, size);
            }
            return size;
        }

        private List<String> keyList() {
            List<String> keys = List.copyOf(map.keySet());
            if (reads != null) {
                reads.record(node, KEYS, null, keys);
            }
            return keys;
        }

        @Override
        public TemplateCollectionModel keys() {
            return new SimpleCollection(keyList().stream().map(SimpleScalar::new).toList());
        }

        @Override
        public TemplateCollectionModel values() throws TemplateModelException {
            List<TemplateModel> values = new ArrayList<>();
            for (String k : keyList()) {
                values.add(get(k));
            }
            return new SimpleCollection(values);
        }

        @Override
        public KeyValuePairIterator keyValuePairIterator() {
            Iterator<String> keys = keyList().iterator();
            return new KeyValuePairIterator() {
                @Override
                public boolean hasNext() {
                    return keys.hasNext();
                }

                @Override
                public KeyValuePair next() throws TemplateModelException {
                    String k = keys.next();
                    TemplateModel v = get(k);
                    return new KeyValuePair() {
                        @Override
                        public TemplateModel getKey() {
                            return new SimpleScalar(k);
                        }

                        @Override
                        public TemplateModel getValue() {
                            return v;
                        }
                    };
                }
            };
        }
    }

    /** A list as a template sequence. Tracked: its length and each item are read and recorded once. */
    private static final class Seq implements TemplateSequenceModel {
        private final Reads reads;
        private final int node;
        private final List<?> list;
        private TemplateModel[] seen;
        private boolean sized;

        Seq(Reads reads, int node, List<?> list) {
            this.reads = reads;
            this.node = node;
            this.list = list;
        }

        @Override
        public TemplateModel get(int index) throws TemplateModelException {
            if (index < 0 || index >= list.size()) {
                if (reads != null) {
                    reads.record(node, INDEX, index, NULL);
                }
                return null;
            }
            Object v = list.get(index);
            if (reads == null) {
                return wrap(null, -1, index, v);
            }
            if (seen == null) {
                seen = new TemplateModel[list.size()];
            }
            TemplateModel m = seen[index];
            if (m == null) {
                reads.record(node, INDEX, index, observe(v));
                m = wrap(reads, node, index, v);
                seen[index] = m;
            }
            return m;
        }

        @Override
        public int size() {
            if (reads != null && !sized) {
                reads.record(node, SIZE, null, list.size());
                sized = true;
            }
            return list.size();
        }
    }

    @Override
    public String toString() {
        return "Reads[" + reads + " reads of " + nodes + " nodes" + (untrackable ? ", untrackable" : "") + "]";
    }
}
