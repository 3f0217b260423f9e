package org.bitext.text;

/**
 * The stretch of a text closest to a phrase (fewest edits, Sellers' algorithm), for messages that
 * say what the transcript has where a quote does not match.
 */
public final class Nearest {
    /** The best match: where it is in the text and how many edits away it is. */
    public record Match(int start, int end, int distance) {
    }

    private Nearest() {
    }

    public static Match find(String phrase, String text) {
        int m = phrase.length();
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        int[] prevStart = new int[m + 1];
        int[] curStart = new int[m + 1];
        for (int i = 0; i <= m; i++) {
            prev[i] = i;
            prevStart[i] = 0;
        }
        Match best = new Match(0, 0, m);
        for (int j = 1; j <= text.length(); j++) {
            cur[0] = 0;
            curStart[0] = j;
            for (int i = 1; i <= m; i++) {
                int cost = phrase.charAt(i - 1) == text.charAt(j - 1) ? 0 : 1;
                int diag = prev[i - 1] + cost;
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
            if (cur[m] < best.distance()) {
                best = new Match(curStart[m], j, cur[m]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
            t = prevStart;
            prevStart = curStart;
            curStart = t;
        }
        return best;
    }
}
