package org.bitext.edition;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bitext.diag.Diagnostics;
import org.bitext.editorial.Quote;
import org.bitext.text.Nearest;
import org.bitext.text.PhraseMatcher;
import org.bitext.text.Texts;
import org.bitext.transcript.RawSection;
import org.bitext.transcript.Transcript;

/**
 * The paragraphs and headings that quotes point into. Finds a whole list of quotes in one pass,
 * resolves each to exactly one place, and says what is nearest when a quote matches nothing.
 */
final class QuoteIndex {
    static final int MAX_HITS = 16;

    /** Where a quote matched. */
    sealed interface Hit permits InParagraph, InHeading {
        int start();
    }

    record InParagraph(Para para, int start) implements Hit {
    }

    /** In the heading of section {@code section}: only notes may point there. */
    record InHeading(int section, int start) implements Hit {
    }

    private final Transcript transcript;
    private final List<Para> paras;
    private final Diagnostics diags;
    /** The paragraphs' texts, then the headings' ("" for none). */
    private final List<String> texts = new ArrayList<>();
    private Nearest nearest;

    QuoteIndex(Transcript transcript, List<Para> paras, Diagnostics diags) {
        this.transcript = transcript;
        this.paras = paras;
        this.diags = diags;
        paras.forEach(p -> texts.add(p.text()));
        for (RawSection s : transcript.sections()) {
            texts.add(s.heading() == null ? "" : s.heading());
        }
    }

    /** Every place each quote matches (at most {@value #MAX_HITS}), in the paragraphs and, if asked, the headings. */
    List<List<Hit>> locate(List<Quote> quotes, boolean headings) {
        List<List<Hit>> out = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        for (Quote q : quotes) {
            out.add(new ArrayList<>());
            phrases.add(q == null ? "" : Texts.normalize(q.exact()));
        }
        PhraseMatcher matcher = new PhraseMatcher(phrases);
        int targets = headings ? texts.size() : paras.size();
        for (int t = 0; t < targets; t++) {
            String text = texts.get(t);
            int target = t;
            matcher.scan(text, (i, start) -> {
                if (out.get(i).size() < MAX_HITS && contextMatches(quotes.get(i), text, start, phrases.get(i).length())) {
                    out.get(i).add(target < paras.size() ? new InParagraph(paras.get(target), start)
                            : new InHeading(target - paras.size(), start));
                }
            });
        }
        return out;
    }

    private static boolean contextMatches(Quote q, String text, int start, int length) {
        if (q.prefix() != null && !text.substring(0, start).stripTrailing().endsWith(Texts.normalize(q.prefix()))) {
            return false;
        }
        return q.suffix() == null || text.substring(start + length).stripLeading().startsWith(Texts.normalize(q.suffix()));
    }

    /** The one place a quote matched, or null after reporting that it matched none or several. */
    Hit single(Quote q, List<Hit> hits, String what, boolean headings) {
        if (q == null) {
            return null;
        }
        String phrase = Texts.normalize(q.exact());
        if (phrase.isEmpty()) {
            diags.error(q.position(), what + " quote is empty");
            return null;
        }
        if (hits.isEmpty()) {
            String context = q.prefix() != null || q.suffix() != null ? " with the given prefix/suffix" : "";
            diags.error(q.position(), what + " quote \"" + Texts.clip(phrase, 40) + "\"" + context + " matches nothing in "
                    + transcript.file() + nearest().hint(phrase, headings ? texts.size() : paras.size()));
            return null;
        }
        if (hits.size() > 1) {
            // distinct places: a phrase repeated inside one paragraph names that paragraph's line once
            Set<String> distinct = new LinkedHashSet<>();
            for (Hit h : hits) {
                if (h instanceof InParagraph p) {
                    distinct.add("line " + p.para().paragraph().position().line());
                } else if (h instanceof InHeading in) {
                    distinct.add("heading \"" + transcript.sections().get(in.section()).heading() + "\"");
                }
            }
            List<String> places = new ArrayList<>(distinct).subList(0, Math.min(3, distinct.size()));
            diags.error(q.position(), what + " quote \"" + Texts.clip(phrase, 40) + "\" is ambiguous: it matches "
                    + (hits.size() >= MAX_HITS ? "at least " : "") + hits.size() + " places in " + transcript.file()
                    + " (" + String.join(", ", places) + (distinct.size() > 3 ? ", …" : "") + ")",
                    "quote more of the text" + ("note".equals(what) ? ", or add 'prefix' or 'suffix'" : ""));
            return null;
        }
        return hits.get(0);
    }

    /** The one paragraph a quote matched, or null after reporting (quotes of turns and topics). */
    InParagraph paragraph(Quote q, List<Hit> hits, String what) {
        return (InParagraph) single(q, hits, what, false); // located without headings: a paragraph or nothing
    }

    private Nearest nearest() {
        if (nearest == null) {
            nearest = new Nearest(texts);
        }
        return nearest;
    }
}
