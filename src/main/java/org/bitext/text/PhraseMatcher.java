package org.bitext.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds many phrases in many texts in one pass (Aho–Corasick), so anchoring thousands of quotes in a
 * long transcript stays linear in the size of the transcript.
 */
public final class PhraseMatcher {
    /** Receives each occurrence: which phrase, and where it starts in the text. */
    public interface Hit {
        void found(int phrase, int start);
    }

    private static final class State {
        final Map<Character, State> next = new HashMap<>(4);
        State fail;
        int[] outputs = new int[0];
    }

    private final State root = new State();
    private final int[] lengths;

    public PhraseMatcher(List<String> phrases) {
        lengths = new int[phrases.size()];
        for (int i = 0; i < phrases.size(); i++) {
            String p = phrases.get(i);
            lengths[i] = p.length();
            if (p.isEmpty()) {
                continue;
            }
            State s = root;
            for (int k = 0; k < p.length(); k++) {
                s = s.next.computeIfAbsent(p.charAt(k), c -> new State());
            }
            s.outputs = append(s.outputs, i);
        }
        List<State> queue = new ArrayList<>();
        for (State child : root.next.values()) {
            child.fail = root;
            queue.add(child);
        }
        for (int head = 0; head < queue.size(); head++) {
            State s = queue.get(head);
            for (Map.Entry<Character, State> e : s.next.entrySet()) {
                State child = e.getValue();
                State f = s.fail;
                while (f != null && !f.next.containsKey(e.getKey())) {
                    f = f.fail;
                }
                child.fail = f == null ? root : f.next.get(e.getKey());
                if (child.fail.outputs.length > 0) {
                    int[] merged = child.outputs;
                    for (int o : child.fail.outputs) {
                        merged = append(merged, o);
                    }
                    child.outputs = merged;
                }
                queue.add(child);
            }
        }
    }

    /** Reports every occurrence of every phrase in {@code text}, in order of where they end. */
    public void scan(String text, Hit hit) {
        State s = root;
        for (int i = 0; i < text.length(); i++) {
            Character c = text.charAt(i); // boxed once: one lookup per state tried
            State n;
            while ((n = s.next.get(c)) == null && s != root) {
                s = s.fail;
            }
            s = n == null ? root : n;
            for (int o : s.outputs) {
                hit.found(o, i + 1 - lengths[o]);
            }
        }
    }

    private static int[] append(int[] a, int v) {
        int[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = v;
        return out;
    }
}
