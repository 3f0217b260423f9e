package org.bitext.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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

    private final int[] lengths;
    /** The trie: each state's transitions by character; state 0 is the root. */
    private final List<Map<Character, Integer>> next = new ArrayList<>();
    /** Where each state goes on a character it has no transition for: its longest proper suffix in the trie. */
    private final int[] fail;
    /** The phrases that end at each state: its own (by index), then its fail state's (shorter). */
    private final int[][] outputs;

    public PhraseMatcher(List<String> phrases) {
        lengths = new int[phrases.size()];
        List<List<Integer>> own = new ArrayList<>();
        next.add(new HashMap<>());
        own.add(new ArrayList<>());
        for (int i = 0; i < phrases.size(); i++) {
            String p = phrases.get(i);
            lengths[i] = p.length();
            if (p.isEmpty()) {
                continue; // an empty phrase never matches
            }
            int s = 0;
            for (int k = 0; k < p.length(); k++) {
                Integer t = next.get(s).get(p.charAt(k));
                if (t == null) {
                    t = next.size();
                    next.add(new HashMap<>());
                    own.add(new ArrayList<>());
                    next.get(s).put(p.charAt(k), t);
                }
                s = t;
            }
            own.get(s).add(i);
        }
        fail = new int[next.size()];
        outputs = new int[next.size()][];
        outputs[0] = new int[0];
        // breadth first, so that a state's fail state, which is shallower, is complete before it
        Deque<Integer> queue = new ArrayDeque<>();
        queue.add(0);
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (Map.Entry<Character, Integer> e : next.get(s).entrySet()) {
                int child = e.getValue();
                int f = s == 0 ? -1 : fail[s];
                while (f >= 0 && !next.get(f).containsKey(e.getKey())) {
                    f = f == 0 ? -1 : fail[f];
                }
                fail[child] = f < 0 ? 0 : next.get(f).get(e.getKey());
                List<Integer> mine = new ArrayList<>(own.get(child));
                for (int o : outputs[fail[child]]) {
                    mine.add(o);
                }
                outputs[child] = mine.stream().mapToInt(Integer::intValue).toArray();
                queue.add(child);
            }
        }
    }

    /** Reports every occurrence of every phrase in {@code text}, in order of where they end. */
    public void scan(String text, Hit hit) {
        int s = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Integer n;
            while ((n = next.get(s).get(c)) == null && s != 0) {
                s = fail[s];
            }
            s = n == null ? 0 : n;
            for (int o : outputs[s]) {
                hit.found(o, i + 1 - lengths[o]);
            }
        }
    }
}
