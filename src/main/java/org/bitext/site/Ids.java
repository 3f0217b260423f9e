package org.bitext.site;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The ids of one page, kept compactly for the link check: sorted, all in one string with an offset
 * table (about a tenth of a {@code HashSet<String>}'s memory, which matters at 100 000 turns, where
 * the site has millions of ids).
 */
public final class Ids {
    private final String text;
    private final int[] starts; // id i is text[starts[i], starts[i + 1])

    private Ids(String text, int[] starts) {
        this.text = text;
        this.starts = starts;
    }

    public static Ids of(Collection<String> ids) {
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        StringBuilder sb = new StringBuilder();
        int[] starts = new int[sorted.size() + 1];
        int n = 0;
        String previous = null;
        for (String id : sorted) {
            if (!id.equals(previous)) {
                starts[n++] = sb.length();
                sb.append(id);
                previous = id;
            }
        }
        starts[n] = sb.length();
        return new Ids(sb.toString(), Arrays.copyOf(starts, n + 1));
    }

    public int size() {
        return starts.length - 1;
    }

    public boolean contains(String id) {
        int lo = 0;
        int hi = size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compare(mid, id);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** Compares id i with s as {@link String#compareTo} would. */
    private int compare(int i, String s) {
        int start = starts[i];
        int len = starts[i + 1] - start;
        int n = Math.min(len, s.length());
        for (int k = 0; k < n; k++) {
            char a = text.charAt(start + k);
            char b = s.charAt(k);
            if (a != b) {
                return a - b;
            }
        }
        return len - s.length();
    }
}
