package org.bitext.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The nearest-text hint finds what a full comparison finds for a quote a few edits from the text,
 * and its work per quote does not grow with the size of the texts (it used to be quadratic).
 */
class NearestTest {
    private static final String ALPHABET = "人工智能模型数据安全研究技术问题我们他们未来发展社会世界能力";

    private static List<String> paragraphs(Random rnd, int count) {
        List<String> out = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            StringBuilder b = new StringBuilder();
            for (int i = 20 + rnd.nextInt(60); i > 0; i--) {
                b.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
            }
            out.add(b.append('。').toString());
        }
        return out;
    }

    /** A stretch of one of the texts with one or two characters changed, inserted or dropped. */
    private static String nearCopy(Random rnd, List<String> texts) {
        String t = texts.get(rnd.nextInt(texts.size()));
        int len = 6 + rnd.nextInt(10);
        int at = rnd.nextInt(t.length() - len);
        StringBuilder b = new StringBuilder(t.substring(at, at + len));
        for (int e = 1 + rnd.nextInt(2); e > 0; e--) {
            int i = 1 + rnd.nextInt(b.length() - 2);
            switch (rnd.nextInt(3)) {
                case 0 -> b.setCharAt(i, '〔');
                case 1 -> b.insert(i, '【');
                default -> b.deleteCharAt(i);
            }
        }
        return b.toString();
    }

    private static int exhaustive(String phrase, List<String> texts) {
        int best = phrase.length();
        for (String t : texts) {
            best = Math.min(best, Nearest.align(phrase, t, 0, t.length(), true).distance());
        }
        return best;
    }

    @Test
    void aQuoteAFewEditsOffFindsTheClosestStretchAFullComparisonFinds() {
        Random rnd = new Random(7);
        List<String> texts = paragraphs(rnd, 300);
        Nearest nearest = new Nearest(texts);
        for (int k = 0; k < 200; k++) {
            String phrase = nearCopy(rnd, texts);
            Nearest.Match m = nearest.find(phrase, texts.size());
            assertNotNull(m, phrase);
            assertEquals(exhaustive(phrase, texts), m.distance(), phrase);
            String found = texts.get(m.text()).substring(m.start(), m.end());
            assertEquals(m.distance(), Nearest.distance(phrase, found), phrase + " vs " + found);
        }
    }

    @Test
    void theHintShowsTheStretchWithSomeContext() {
        Nearest nearest = new Nearest(List.of("第一段没有关系。", "", "在日内瓦举行的AI for Good全球峰会上，Sam Altman谈到了合成数据。"));
        assertEquals("; nearest text: \"…日内瓦举行的AI for Good全球峰会上，Sa…\"", nearest.hint("AI for Good全球会议"));
        assertEquals("; nearest text: \"…an谈到了合成数据。\"", nearest.hint("成数据。x"));
        assertEquals("; nearest text: \"甲乙丙\"", new Nearest(List.of("甲乙丙")).hint("丙"), "a text's last character is indexed too");
        assertEquals("", nearest.hint("完全不同"), "nothing close: no hint");
        assertEquals("", nearest.hint("AI for Good全球会议", 2), "only the first texts when limited");
    }

    @Test
    void theWorkPerQuoteIsBoundedWhateverTheSizeOfTheTexts() {
        int m = 16; // the longest phrase nearCopy makes
        // bigram occurrences looked at, plus the cells of the candidate windows: nothing here grows with the texts
        long bound = (m - 1L) * Nearest.MAX_POSTINGS + Nearest.CANDIDATES * (long) m * (3L * m);
        for (int paragraphs : new int[] {60, 600, 6000}) {
            long work = workPerQuote(paragraphs);
            assertTrue(work <= bound, paragraphs + " paragraphs: work per quote " + work + " over its bound " + bound);
        }
        // a full comparison costs the phrase's length times all the text: at 6 000 paragraphs over 2 000 000 cells
        assertTrue(bound * 100 < 2_000_000, "the bound itself is small");
    }

    private static long workPerQuote(int paragraphs) {
        Random rnd = new Random(11);
        List<String> texts = paragraphs(rnd, paragraphs);
        Nearest nearest = new Nearest(texts);
        int quotes = 300;
        for (int k = 0; k < quotes; k++) {
            nearest.hint(nearCopy(rnd, texts));
        }
        return nearest.work() / quotes;
    }

    @Test
    void distanceIsLevenshtein() {
        assertEquals(3, Texts.distance("kitten", "sitting"));
        assertEquals(0, Texts.distance("", ""));
        assertEquals(4, Texts.distance("", "abcd"));
        assertEquals(1, Texts.distance("Sam Altmann", "Sam Altman"));
    }
}
