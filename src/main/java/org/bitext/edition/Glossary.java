package org.bitext.edition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bitext.diag.Position;
import org.bitext.editorial.GlossaryEntry;
import org.bitext.text.PhraseMatcher;
import org.bitext.text.Pinyin;
import org.bitext.text.Texts;

/** Gives glossary terms their ids and marks every occurrence of a term in the turns. */
final class Glossary {
    /** The terms, and each turn's term marks, by the turn's place in reading order. */
    record Result(List<Term> terms, List<List<Mark>> marks) {
    }

    private Glossary() {
    }

    static Result run(Context c, List<Piece> ordered) {
        List<GlossaryEntry> entries = new ArrayList<>();
        Map<String, Position> seen = new HashMap<>();
        for (GlossaryEntry g : c.layer().glossary()) {
            if (g.zh() == null || g.pinyin() == null || g.en() == null) {
                continue;
            }
            if (Pinyin.hasToneNumbers(g.pinyin())) {
                c.diags().error(g.position(), "the pinyin '" + g.pinyin() + "' of '" + g.zh() + "' writes tones as numbers",
                        "write it with tone marks: '" + Pinyin.withToneMarks(g.pinyin()) + "'");
            } else if (!Pinyin.hasToneMarks(g.pinyin()) && g.zh().codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
                c.incomplete(g.position(), "the pinyin '" + g.pinyin() + "' of '" + g.zh() + "' has no tone marks");
            }
            Position prev = seen.putIfAbsent(Texts.normalize(g.zh()), g.position());
            if (prev != null) {
                c.diags().error(g.position(), "duplicate glossary term '" + g.zh() + "' (first at line " + prev.line() + ")");
                continue;
            }
            entries.add(g);
        }
        List<String> ids = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (GlossaryEntry g : entries) {
            String slug = Texts.slugify(g.pinyin());
            String base = "g-" + (slug.isEmpty() ? Texts.shortHash(g.zh(), 6) : slug);
            String id = base;
            for (int n = 2; !used.add(id); n++) {
                id = base + "-" + n;
            }
            ids.add(id);
        }
        int[] counts = new int[entries.size()];
        List<List<Mark>> marks = new ArrayList<>();
        PhraseMatcher matcher = new PhraseMatcher(entries.stream().map(g -> Texts.normalize(g.zh())).toList());
        for (Piece p : ordered) {
            String text = p.text();
            // Leftmost-longest, non-overlapping: a longer term wins over a term inside it.
            int[] bestLen = new int[text.length()];
            int[] bestTerm = new int[text.length()];
            Arrays.fill(bestTerm, -1);
            matcher.scan(text, (term, start) -> {
                int len = entries.get(term).zh().length();
                if (len > bestLen[start]) {
                    bestLen[start] = len;
                    bestTerm[start] = term;
                }
            });
            List<Mark> list = new ArrayList<>();
            for (int i = 0; i < text.length(); ) {
                if (bestTerm[i] >= 0) {
                    list.add(new Mark(i, i + bestLen[i], ids.get(bestTerm[i])));
                    counts[bestTerm[i]]++;
                    i += bestLen[i];
                } else {
                    i++;
                }
            }
            marks.add(List.copyOf(list));
        }
        List<Term> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            GlossaryEntry g = entries.get(i);
            if (counts[i] == 0) {
                c.incomplete(g.position(), "glossary term '" + g.zh() + "' never occurs in the transcript");
            }
            out.add(new Term(ids.get(i), Texts.normalize(g.zh()), g.pinyin().trim(), g.en().trim(), g.note(), counts[i], g.position()));
        }
        return new Result(out, marks);
    }
}
