package org.bitext.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The stretch of a set of texts closest to a phrase (fewest edits), for messages that say what the
 * transcript has where a quote does not match.
 *
 * <p>Comparing every failed quote with the whole transcript would make a build whose quotes all fail
 * quadratic in the edition's size. Instead the texts are indexed once by bigram; the places sharing
 * most bigrams with the phrase, on the same diagonal, are the candidates, and only a window around
 * each is compared edit by edit. The work per phrase is bounded by the phrase's length, whatever the
 * size of the texts: {@link #work()} counts it.
 */
public final class Nearest {
    /** The best match: which text, where in it, and how many edits away from the phrase. */
    public record Match(int text, int start, int end, int distance) {
    }

    /** Longer phrases are looked for by their beginning. */
    static final int MAX_PHRASE = 200;
    /** At most this many occurrences of one bigram are looked at (the first ones). */
    static final int MAX_POSTINGS = 512;
    /** Candidate places compared edit by edit. */
    static final int CANDIDATES = 8;
    /** Marks a text's end, so that its last character is indexed too; NUL never reaches a text. */
    private static final char END = '\0';
    private static final long POSITION = 0x7FFFFFFFL;

    private final List<String> texts;
    private int[] starts;
    /** The text each position of the joined texts belongs to. */
    private int[] textOf;
    /** Sorted (bigram << 31 | position in the joined texts): each bigram's occurrences in a run, in text order. */
    private long[] grams;
    private long work;

    public Nearest(List<String> texts) {
        this.texts = List.copyOf(texts);
    }

    /** Cells compared and occurrences looked at so far: the work done, for tests of its bound. */
    public long work() {
        return work;
    }

    /** "; nearest text: …" with the closest stretch and a little context, or "" when nothing is close. */
    public String hint(String phrase) {
        return hint(phrase, texts.size());
    }

    /** The same, looking only at the first {@code limit} texts. */
    public String hint(String phrase, int limit) {
        String p = phrase.length() > MAX_PHRASE ? phrase.substring(0, MAX_PHRASE) : phrase;
        Match best = find(p, limit);
        if (best == null || best.distance() >= p.length()) {
            return "";
        }
        String text = texts.get(best.text());
        int from = Math.max(0, best.start() - 6);
        int to = Math.min(text.length(), best.end() + 6);
        return "; nearest text: \"" + (from > 0 ? "…" : "") + text.substring(from, to)
                + (to < text.length() ? "…" : "") + "\"";
    }

    /** The closest stretch among the first {@code limit} texts, or null if none shares a bigram. */
    public Match find(String phrase, int limit) {
        if (phrase.isEmpty()) {
            return null;
        }
        index();
        int m = phrase.length();
        // Each shared bigram votes for a place, (text, diagonal), where the phrase would start if it were there.
        long[] places = new long[Math.max(1, m - 1) * MAX_POSTINGS];
        int n = 0;
        for (int i = 0; i < Math.max(1, m - 1); i++) {
            long key = m == 1 ? (long) phrase.charAt(0) << 16 : gram(phrase.charAt(i), phrase.charAt(i + 1));
            long last = m == 1 ? key | 0xFFFF : key;
            int from = firstAtLeast(key);
            int to = Math.min(firstAtLeast(last + 1), from + MAX_POSTINGS);
            work += to - from;
            for (int k = from; k < to; k++) {
                int pos = (int) (grams[k] & POSITION);
                int t = textOf[pos];
                if (t < limit) {
                    places[n++] = (long) t << 32 | (pos - starts[t] - i) + 0x80000000L;
                }
            }
        }
        Arrays.sort(places, 0, n);
        int slack = Math.max(2, m);
        Match best = null;
        List<Window> compared = new ArrayList<>();
        for (long place : mostVoted(places, n, 2 * CANDIDATES)) {
            int t = (int) (place >>> 32);
            String text = texts.get(t);
            int diagonal = (int) ((place & 0xFFFFFFFFL) - 0x80000000L);
            Window w = new Window(t, Math.max(0, diagonal - slack), Math.min(text.length(), diagonal + m + slack));
            if (compared.size() == CANDIDATES) {
                break;
            }
            if (compared.stream().anyMatch(c -> c.holds(w))) {
                continue; // a place next to one already compared
            }
            compared.add(w);
            work += (long) m * (w.to() - w.from());
            Match found = align(phrase, text, w.from(), w.to(), true);
            Match here = new Match(t, found.start(), found.end(), found.distance());
            if (best == null || here.distance() < best.distance() || here.distance() == best.distance()
                    && (t < best.text() || t == best.text() && here.end() < best.end())) {
                best = here;
            }
        }
        return best;
    }

    /** A stretch of one text compared edit by edit. */
    private record Window(int text, int from, int to) {
        boolean holds(Window w) {
            return w.text == text && from <= w.from && w.to <= to;
        }
    }

    /** The {@code count} places with most votes in the sorted places (among equals, the earlier), most first. */
    private static long[] mostVoted(long[] places, int n, int count) {
        long[] top = new long[count];
        int[] votes = new int[count];
        int size = 0;
        for (int run = 0; run < n; ) {
            int end = run;
            while (end < n && places[end] == places[run]) {
                end++;
            }
            int v = end - run;
            if (size < count || v > votes[size - 1]) {
                int at = Math.min(size, count - 1);
                while (at > 0 && votes[at - 1] < v) { // strictly fewer: an earlier place keeps its rank
                    top[at] = top[at - 1];
                    votes[at] = votes[at - 1];
                    at--;
                }
                top[at] = places[run];
                votes[at] = v;
                size = Math.min(size + 1, count);
            }
            run = end;
        }
        return Arrays.copyOf(top, size);
    }

    /** Levenshtein distance between two strings. */
    public static int distance(String a, String b) {
        return align(a, b, 0, b.length(), false).distance();
    }

    /**
     * Edits between the phrase and {@code text[from, to)}: the whole of it, or ({@code anywhere}) its
     * closest stretch (Sellers' algorithm: a match may start and end anywhere in the text).
     */
    static Match align(String phrase, String text, int from, int to, boolean anywhere) {
        int m = phrase.length();
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        int[] prevStart = new int[m + 1];
        int[] curStart = new int[m + 1];
        for (int i = 0; i <= m; i++) {
            prev[i] = i;
            prevStart[i] = from;
        }
        Match best = new Match(0, from, from, m);
        for (int j = from + 1; j <= to; j++) {
            cur[0] = anywhere ? 0 : j - from;
            curStart[0] = j;
            for (int i = 1; i <= m; i++) {
                int diag = prev[i - 1] + (phrase.charAt(i - 1) == text.charAt(j - 1) ? 0 : 1);
                int up = cur[i - 1] + 1;
                int left = prev[i] + 1;
                if (diag <= up && diag <= left) {
                    cur[i] = diag;
                    curStart[i] = prevStart[i - 1];
                } else if (left <= up) {
                    cur[i] = left;
                    curStart[i] = prevStart[i];
                } else {
                    cur[i] = up;
                    curStart[i] = curStart[i - 1];
                }
            }
            if (anywhere && cur[m] < best.distance()) {
                best = new Match(0, curStart[m], j, cur[m]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
            t = prevStart;
            prevStart = curStart;
            curStart = t;
        }
        return anywhere ? best : new Match(0, from, to, prev[m]);
    }

    /** Builds the bigram index on first use: only a build with a failed quote pays for it. */
    private void index() {
        if (grams != null) {
            return;
        }
        starts = new int[texts.size() + 1];
        long total = 0;
        for (int t = 0; t < texts.size(); t++) {
            starts[t] = (int) total;
            total += texts.get(t).length();
        }
        starts[texts.size()] = (int) total;
        grams = new long[(int) total];
        textOf = new int[(int) total];
        int n = 0;
        for (int t = 0; t < texts.size(); t++) {
            String s = texts.get(t);
            Arrays.fill(textOf, starts[t], starts[t + 1], t);
            for (int i = 0; i < s.length(); i++) {
                char next = i + 1 < s.length() ? s.charAt(i + 1) : END;
                grams[n++] = gram(s.charAt(i), next) << 31 | (starts[t] + i);
            }
        }
        Arrays.sort(grams);
    }

    private static long gram(char a, char b) {
        return (long) a << 16 | b;
    }

    /** The first index of the index whose bigram is {@code key} or after it. */
    private int firstAtLeast(long key) {
        int lo = 0;
        int hi = grams.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (grams[mid] >>> 31 < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
