package org.bitext.editorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.bitext.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/** The composer hands on the items of the long lists one at a time and keeps none of them. */
class ItemComposerTest {
    private static final int ITEMS = 2000;

    /** Records what it is handed and, for each item, how far the parser had read by then. */
    private static final class Recorder implements ItemComposer.Items {
        final List<WeakReference<Node>> items = new ArrayList<>();
        final List<Integer> readUpToLine = new ArrayList<>();
        final List<String> values = new ArrayList<>();
        LightMarks events;

        @Override
        public boolean streams(String key, boolean mapping) {
            return key.equals("turns") && !mapping;
        }

        @Override
        public void item(String key, Node item) {
            items.add(new WeakReference<>(item));
            readUpToLine.add(events.peekEvent().getStartMark().getLine());
        }

        @Override
        public void entry(String key, Node id, Node value) {
            throw new AssertionError("no mapping streams here");
        }

        @Override
        public void streamed(String key, Node placeholder) {
            values.add(key + " streamed");
        }

        @Override
        public void value(String key, Node value) {
            values.add(key);
        }
    }

    private static Node compose(String yaml, Recorder recorder) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        recorder.events = new LightMarks(new ParserImpl(new StreamReader(new StringReader(yaml)), options));
        return new ItemComposer(recorder.events, options, recorder).getSingleNode();
    }

    private static Node valueOf(Node root, String key) {
        for (NodeTuple t : ((MappingNode) root).getValue()) {
            if (((ScalarNode) t.getKeyNode()).getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        return null;
    }

    @Test
    void eachItemIsHandedOnBeforeTheNextIsReadAndNoneIsKept() {
        StringBuilder y = new StringBuilder("speakers: {a: {zh: 甲, en: A}}\nturns:\n");
        for (int i = 0; i < ITEMS; i++) {
            y.append("  - at: 问").append(i).append("\n    en: text ").append(i).append('\n');
        }
        y.append("notes: []\n");
        Recorder recorder = new Recorder();
        Node root = compose(y.toString(), recorder);

        assertEquals(ITEMS, recorder.items.size());
        for (int i = 0; i < ITEMS; i++) {
            // item i spans lines 2 + 2i and 3 + 2i (from 0): when it is handed on, the next event is the next item's
            assertEquals(4 + 2 * i, recorder.readUpToLine.get(i), "item " + i);
        }
        SequenceNode turns = assertInstanceOf(SequenceNode.class, valueOf(root, "turns"));
        assertTrue(turns.getValue().isEmpty(), "the tree keeps an empty list in place of the items");
        assertEquals(2, turns.getStartMark().getLine(), "where the list starts: its first item");
        assertEquals(List.of("speakers", "turns streamed", "notes"), recorder.values);

        // nothing but the recorder's weak references points at the items any more
        for (int i = 0; i < 10 && recorder.items.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
        }
        assertTrue(recorder.items.stream().allMatch(r -> r.get() == null), "an item node is still reachable");
        assertEquals(3, ((MappingNode) root).getValue().size());
    }

    @Test
    void anAnchoredOrTaggedListOrASecondKeyIsComposedWhole() {
        Recorder recorder = new Recorder();
        Node root = compose("turns: &t [a, b]\nx: *t\n", recorder);
        assertEquals(2, ((SequenceNode) valueOf(root, "turns")).getValue().size());
        assertTrue(recorder.items.isEmpty());

        recorder = new Recorder();
        root = compose("turns: !!seq [a, b]\n", recorder);
        assertEquals(2, ((SequenceNode) valueOf(root, "turns")).getValue().size());
        assertTrue(recorder.items.isEmpty());

        recorder = new Recorder();
        root = compose("turns: [a]\nturns: [b, c]\n", recorder);
        assertEquals(1, recorder.items.size(), "only the first 'turns' streams; the reader reports the second");
        assertEquals(List.of("turns streamed"), recorder.values);
    }

    @Test
    void itemsReachedThroughAnAliasAreHandedOnInTheirPlace() {
        Recorder recorder = new Recorder();
        Node root = compose("speakers: {a: &x {zh: 甲}}\nturns:\n  - &first {at: 问}\n  - *x\n  - *first\n  - [*x]\n",
                recorder);
        assertEquals(4, recorder.items.size());
        assertTrue(((SequenceNode) valueOf(root, "turns")).getValue().isEmpty());
    }

    @Test
    void theReaderGivesTheSameLayerAndDiagnosticsWhetherItStreamsOrNot() {
        String yaml = """
                edition:
                  title: {zh: 标题, en: Title}
                  source: {end_before: 往期回顾}
                speakers:
                  host: {zh: 主持人, en: Host, labels: [主持人]}
                  guest: {zh: 嘉宾, en: Guest, labels: [嘉宾]}
                sections:
                  - {at: 开场, id: Opening, en: Opening}
                  - {at: 问答, id: qa, en: Q&A, extra: 1}
                turns:
                  - at: &q 问题
                    speaker: gust
                    split:
                      - {at: 答, speaker: hots, reason: r}
                  - {at: *q, id: two, topics: [ai, *q]}
                  - just text
                  - {at: 再问, speaker: guest}
                notes:
                  - {id: n1, at: 问, kind: contxt, text: hi}
                  - {id: n1, at: 问, kind: context, text: hi, txt: x}
                glossary:
                  - {zh: 数据, pinyin: shùjù}
                  - {zh: 数据, pinyin: shùjù, en: data, en: again}
                topics:
                  ai: {zh: 人工智能, en: AI, turns: [问题]}
                  ai: {zh: 重复, en: Again}
                  Bad Id: {zh: 坏, en: Bad}
                  ok: not a mapping
                unknown_at_the_end: 1
                """;
        Diagnostics streamedDiags = new Diagnostics();
        Diagnostics wholeDiags = new Diagnostics();
        EditorialLayer streamed = new EditorialReader(true).read("e.yaml", yaml, streamedDiags);
        EditorialLayer whole = new EditorialReader(false).read("e.yaml", yaml, wholeDiags);
        assertEquals(whole, streamed);
        assertEquals(wholeDiags.all(), streamedDiags.all());
        // the top-level mapping's own problems come first, though they are at the end of the file
        assertEquals("e.yaml:29:1", streamedDiags.all().get(0).position().toString());
        assertTrue(streamedDiags.all().size() >= 14, streamedDiags.all().toString());
    }
}
