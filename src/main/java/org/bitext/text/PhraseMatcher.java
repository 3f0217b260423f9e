package org.bitext.text;

import java.util.Arrays;
import java.util.List;

/**
 * Finds many phrases in many texts in one pass (Aho–Corasick), so anchoring thousands of quotes in a
 * long transcript stays linear in the size of the transcript.
 *
 * <p>The automaton is kept in flat arrays: each state's transitions are a sorted run of characters
 * with their target states, looked up by binary search. (One hash map per state, with a boxed
 * character per key, took ~150 MB at 100 000 turns and a hash lookup per character scanned.) The trie
 * is built from the phrases in sorted order, so a state's children are made in character order and
 * the only child a new phrase can share is the one made last.
 */
public final class PhraseMatcher {
    /** Receives each occurrence: which phrase, and where it starts in the text. */
    public interface Hit {
        void found(int phrase, int start);
    }

    private static final int[] NONE = new int[0];

    private final int[] lengths;
    /** State s's transitions are keys/targets[first[s] .. first[s + 1]), keys sorted. */
    private final int[] first;
    private final char[] keys;
    private final int[] targets;
    private final int[] fail;
    private final int[][] outputs;

    public PhraseMatcher(List<String> phrases) {
        int n = phrases.size();
        lengths = new int[n];
        Integer[] order = new Integer[n];
        long chars = 0;
        for (int i = 0; i < n; i++) {
            lengths[i] = phrases.get(i).length();
            order[i] = i;
            chars += lengths[i];
        }
        // stable: equal phrases keep their order, so a state's phrases are listed by index as before
        Arrays.sort(order, (a, b) -> phrases.get(a).compareTo(phrases.get(b)));

        // The trie, with each state's children as a linked list in the order they were made.
        int cap = (int) Math.min(Integer.MAX_VALUE - 8, chars + 1);
        char[] via = new char[cap]; // the character leading to each state
        int[] firstChild = new int[cap];
        int[] lastChild = new int[cap];
        int[] nextSibling = new int[cap];
        int[][] own = new int[cap][];
        int states = 1;
        firstChild[0] = -1;
        lastChild[0] = -1;
        for (int i : order) {
            String p = phrases.get(i);
            if (p.isEmpty()) {
                continue;
            }
            int s = 0;
            for (int k = 0; k < p.length(); k++) {
                char c = p.charAt(k);
                int last = lastChild[s];
                if (last >= 0 && via[last] == c) {
                    s = last;
                    continue;
                }
                int t = states++;
                via[t] = c;
                firstChild[t] = -1;
                lastChild[t] = -1;
                nextSibling[t] = -1;
                if (last < 0) {
                    firstChild[s] = t;
                } else {
                    nextSibling[last] = t;
                }
                lastChild[s] = t;
                s = t;
            }
            own[s] = append(own[s] == null ? NONE : own[s], i);
        }

        // Flatten: state ids in breadth-first order, so that every state's fail state (shallower) comes first.
        int[] bfs = new int[states]; // new id -> old id
        first = new int[states + 1];
        keys = new char[states - 1];
        targets = new int[states - 1];
        int tail = 1;
        int edge = 0;
        for (int head = 0; head < states; head++) {
            int old = bfs[head];
            first[head] = edge;
            for (int c = firstChild[old]; c >= 0; c = nextSibling[c]) {
                bfs[tail] = c;
                keys[edge] = via[c];
                targets[edge] = tail;
                edge++;
                tail++;
            }
        }
        first[states] = edge;

        fail = new int[states];
        outputs = new int[states][];
        outputs[0] = NONE;
        fail[0] = -1;
        for (int s = 0; s < states; s++) {
            for (int e = first[s]; e < first[s + 1]; e++) {
                int child = targets[e];
                int f = fail[s];
                int to = -1;
                while (f >= 0 && (to = next(f, keys[e])) < 0) {
                    f = fail[f];
                }
                fail[child] = f < 0 ? 0 : to;
                int[] mine = own[bfs[child]] == null ? NONE : own[bfs[child]];
                int[] inherited = outputs[fail[child]];
                if (inherited.length == 0) {
                    outputs[child] = mine;
                } else {
                    int[] merged = Arrays.copyOf(mine, mine.length + inherited.length);
                    System.arraycopy(inherited, 0, merged, mine.length, inherited.length);
                    outputs[child] = merged;
                }
            }
        }
    }

    /** The state reached from {@code s} by {@code c}, or -1. */
    private int next(int s, char c) {
        int lo = first[s];
        int hi = first[s + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            char k = keys[mid];
            if (k < c) {
                lo = mid + 1;
            } else if (k > c) {
                hi = mid - 1;
            } else {
                return targets[mid];
            }
        }
        return -1;
    }

    /** Reports every occurrence of every phrase in {@code text}, in order of where they end. */
    public void scan(String text, Hit hit) {
        int s = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int n;
            while ((n = next(s, c)) < 0 && s != 0) {
                s = fail[s];
            }
            s = n < 0 ? 0 : n;
            for (int o : outputs[s]) {
                hit.found(o, i + 1 - lengths[o]);
            }
        }
    }

    private static int[] append(int[] a, int v) {
        int[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = v;
        return out;
    }
}
