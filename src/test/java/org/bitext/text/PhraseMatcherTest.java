package org.bitext.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The matcher reports exactly the occurrences a naive search finds, in the order the annotator relies
 * on: by where they end, and at one end the longer phrase first (equal phrases by their index).
 */
class PhraseMatcherTest {
    private static List<String> naive(List<String> phrases, String text) {
        List<String> hits = new ArrayList<>();
        for (int end = 1; end <= text.length(); end++) {
            List<Integer> here = new ArrayList<>();
            for (int p = 0; p < phrases.size(); p++) {
                String ph = phrases.get(p);
                if (!ph.isEmpty() && ph.length() <= end && text.startsWith(ph, end - ph.length())) {
                    here.add(p);
                }
            }
            here.sort((a, b) -> phrases.get(a).length() != phrases.get(b).length()
                    ? phrases.get(b).length() - phrases.get(a).length() : a - b);
            for (int p : here) {
                hits.add(p + "@" + (end - phrases.get(p).length()));
            }
        }
        return hits;
    }

    private static List<String> matched(List<String> phrases, String text) {
        List<String> hits = new ArrayList<>();
        new PhraseMatcher(phrases).scan(text, (p, start) -> hits.add(p + "@" + start));
        return hits;
    }

    @Test
    void findsWhatANaiveSearchFindsInTheSameOrder() {
        Random random = new Random(7);
        String alphabet = "ab监管数据";
        for (int round = 0; round < 3000; round++) {
            List<String> phrases = new ArrayList<>();
            int count = random.nextInt(12);
            for (int i = 0; i < count; i++) {
                StringBuilder sb = new StringBuilder();
                int len = random.nextInt(5); // empty phrases included: they never match
                for (int k = 0; k < len; k++) {
                    sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                phrases.add(sb.toString());
            }
            if (count > 1 && random.nextBoolean()) {
                phrases.add(phrases.get(random.nextInt(count))); // a phrase given twice
            }
            StringBuilder text = new StringBuilder();
            int len = random.nextInt(40);
            for (int k = 0; k < len; k++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertEquals(naive(phrases, text.toString()), matched(phrases, text.toString()), phrases + " in " + text);
        }
    }

    @Test
    void aTermInsideALongerOneAndOverlapsAreAllReported() {
        List<String> phrases = List.of("合成数据", "数据", "合成", "据", "成数");
        assertEquals(List.of("2@0", "4@1", "0@0", "1@2", "3@3"), matched(phrases, "合成数据"));
        assertEquals(List.of(), matched(List.of(), "任何文字"));
        assertEquals(List.of(), matched(List.of(""), "文字"));
    }
}
