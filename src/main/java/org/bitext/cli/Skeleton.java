package org.bitext.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bitext.edition.PageIds;
import org.bitext.text.PhraseMatcher;
import org.bitext.text.Texts;
import org.bitext.transcript.Paragraph;
import org.bitext.transcript.RawSection;
import org.bitext.transcript.Transcript;

/**
 * The first {@code edition.yaml} of a new edition, made from its transcript as the build reads it: the
 * edition block, a speaker per label, a section entry per heading and a turn entry per paragraph, each
 * with a quote that matches that paragraph only. Every English text still to write is marked TODO.
 */
final class Skeleton {
    /** Written next to edition.yaml by init; the first line of edition.yaml points at it for editors. */
    static final String SCHEMA_FILE = "edition.schema.json";
    static final String TODO = "TODO";

    /** Words in a heading that usually starts the publisher's tail (past articles, follow us, ads). */
    private static final List<String> PROMO_WORDS = List.of("往期", "推荐", "阅读", "关注", "扫码", "联系我们", "声明",
            "广告", "猜你喜欢", "热门", "相关文章", "更多", "related", "read more", "subscribe", "newsletter");
    /** Common interview labels with a readable id and English name. */
    private static final Map<String, String[]> KNOWN_LABELS = Map.of(
            "主持人", new String[] {"host", "Host"}, "记者", new String[] {"reporter", "Reporter"},
            "嘉宾", new String[] {"guest", "Guest"}, "观众", new String[] {"audience", "Audience"});
    /** Quote lengths tried in turn, shortest first; the whole paragraph is the last resort. */
    private static final int[] QUOTE_LENGTHS = {8, 12, 16, 24, 32, 48, 64, 96, 128};

    private Skeleton() {
    }

    /** What init made, for its summary; {@code title}: the edition's, for now the first heading's text. */
    record Made(String yaml, String title, int speakers, int sections, int turns, int unquotable) {
    }

    /**
     * The heading where the interview ends: the first heading after which no paragraph carries a speaker
     * label and whose text looks like the publisher's tail; null when there is none.
     */
    static String promoHeading(Transcript t) {
        List<RawSection> sections = t.sections();
        int lastLabeled = IntStream.range(0, sections.size())
                .filter(s -> sections.get(s).paragraphs().stream().anyMatch(p -> p.label() != null)).max().orElse(-1);
        if (lastLabeled < 0) {
            return null;
        }
        Set<String> earlier = new HashSet<>();
        for (int s = 0; s < sections.size(); s++) {
            String h = sections.get(s).heading();
            // the reader stops at the first heading with the end marker's text: it must be this one
            if (s > lastLabeled && h != null && !earlier.contains(h)
                    && PROMO_WORDS.stream().anyMatch(w -> h.toLowerCase(Locale.ROOT).contains(w))) {
                return h;
            }
            earlier.add(h);
        }
        return null;
    }

    private static Stream<Paragraph> paragraphs(Transcript t) {
        return t.sections().stream().flatMap(s -> s.paragraphs().stream());
    }

    /** Paragraphs whose label is blank to the edition's reader (U+2028 alone, say): no speaker can list it. */
    static List<Paragraph> blankLabels(Transcript t) {
        return paragraphs(t).filter(p -> p.label() != null && p.label().isBlank()).toList();
    }

    /** The labels in order of first use. */
    static List<String> labels(Transcript t) {
        return paragraphs(t).map(Paragraph::label).filter(Objects::nonNull).distinct().toList();
    }

    /** The skeleton for {@code t} (already cut at {@code endBefore}, which may be null). */
    static Made make(Transcript t, String endBefore, String fallbackTitle) {
        StringBuilder y = new StringBuilder();
        y.append("# yaml-language-server: $schema=").append(SCHEMA_FILE).append('\n');
        y.append("# The editorial layer of this edition. Write the English where it says TODO;\n");
        y.append("# 'bitext status' shows what is left and which speaker each paragraph was given.\n");

        List<RawSection> sections = t.sections();
        String firstHeading = sections.stream().map(RawSection::heading).filter(h -> h != null && !h.isBlank())
                .findFirst().orElse(fallbackTitle);
        y.append("edition:\n");
        y.append("  title: {zh: ").append(quoted(firstHeading)).append(", en: ").append(quoted(firstHeading)).append("}")
                .append(todo(firstHeading, "English title")).append('\n');
        y.append("  # base_url: https://OWNER.github.io/REPO/  # where the site is published; the Pages workflow passes it\n");
        if (endBefore != null) {
            y.append("  source: {end_before: ").append(quoted(endBefore))
                    .append("}  # the interview ends before this heading; it and what follows are left out\n");
        }

        // speakers
        Set<String> ids = new HashSet<>();
        String narrator = null;
        y.append("speakers:\n");
        if (paragraphs(t).findFirst().map(p -> p.label() == null).orElse(false)) { // text before the first label
            narrator = "narrator";
            ids.add(narrator);
            y.append("  narrator: {zh: 叙述者, en: Narrator, before_first_label: true}  # the text before the first label\n");
        }
        Map<String, String> speakerOf = new LinkedHashMap<>();
        int n = 0;
        for (String label : labels(t)) {
            n++;
            String[] known = KNOWN_LABELS.get(label);
            String id = known != null ? known[0] : hasCjk(label) ? "" : Texts.slugify(label);
            if (!Texts.isSlug(id) || id.length() < 2) {
                id = "speaker-" + n;
            }
            id = unique(id, ids);
            speakerOf.put(label, id);
            String en = known != null ? known[1] : label;
            y.append("  ").append(id).append(": {zh: ").append(quoted(label)).append(", en: ").append(quoted(en))
                    .append(", labels: [").append(quoted(label)).append("]}")
                    .append(known != null ? "" : todo(label, "English name")).append('\n');
        }

        // sections
        List<String> headings = sections.stream().map(RawSection::heading).filter(Objects::nonNull).toList();
        Set<String> sectionIds = new HashSet<>();
        if (!sections.isEmpty() && sections.get(0).heading() == null) {
            sectionIds.add("preface"); // the id the build gives the text before the first heading
        }
        int sectionCount = 0;
        StringBuilder entries = new StringBuilder();
        for (int h = 0; h < headings.size(); h++) {
            String heading = headings.get(h);
            if (heading.isBlank() || headings.stream().filter(other -> other.contains(heading)).count() > 1) {
                entries.append("  # heading ").append(h + 1).append(" (").append(quoted(heading)).append(") cannot be quoted: ")
                        .append(heading.isBlank() ? "it is empty" : "its text is part of another heading").append('\n');
                continue;
            }
            // a heading in Chinese would leave only its Latin words in a slug: number those instead
            String slug = hasCjk(heading) ? "" : Texts.slugify(heading);
            boolean readable = Texts.isSlug(slug) && slug.length() >= 3 && !PageIds.mayCollide(slug);
            String id = unique(readable ? slug : "section-" + (h + 1), sectionIds);
            entries.append("  - {at: ").append(quoted(heading)).append(", id: ").append(id).append(", en: ").append(quoted(heading)).append("}")
                    .append(todo(heading, "English title")).append('\n');
            sectionCount++;
        }
        y.append(sectionCount == 0 ? "sections: []\n" : "sections:\n").append(entries);

        // turns
        String[] quotes = quotes(paragraphs(t).map(Paragraph::text).toList());
        entries.setLength(0);
        String speaker = narrator;
        int turns = 0;
        int unquotable = 0;
        int i = 0;
        for (RawSection s : sections) {
            if (s.heading() != null && !s.paragraphs().isEmpty()) {
                entries.append("  # ").append(oneLine(s.heading())).append('\n');
            }
            for (Paragraph p : s.paragraphs()) {
                if (p.label() != null) {
                    speaker = speakerOf.get(p.label());
                }
                String where = "line " + p.position().line() + ", " + (speaker == null ? "no speaker" : speaker);
                String quote = quotes[i++];
                if (quote == null) {
                    unquotable++;
                    entries.append("  # ").append(where).append(": no entry possible, ")
                            .append(p.text().isBlank() ? "the paragraph has no text" : "its text also occurs elsewhere")
                            .append('\n');
                    continue;
                }
                entries.append("  - at: ").append(quoted(quote)).append("  # ").append(where).append('\n');
                entries.append("    en: \"\"  # ").append(TODO).append('\n');
                turns++;
            }
        }
        y.append(turns == 0 ? "turns: []\n" : "turns:\n").append(entries);
        y.append("notes: []\n");
        y.append("glossary: []\n");
        y.append("topics: {}\n");
        return new Made(y.toString(), firstHeading, speakerOf.size() + (narrator == null ? 0 : 1), sectionCount, turns, unquotable);
    }

    /**
     * For each text, its shortest prefix (of the lengths tried) that occurs nowhere else, in no other text
     * and not twice in itself; null for a blank text, or one whose whole text occurs elsewhere (then no
     * phrase of it can be unique). One Aho–Corasick pass over all texts per length tried.
     */
    static String[] quotes(List<String> texts) {
        String[] out = new String[texts.size()];
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!texts.get(i).isBlank()) { // the reader refuses a blank quote (a lone U+2028 is blank to it)
                open.add(i);
            }
        }
        for (int round = 0; round <= QUOTE_LENGTHS.length && !open.isEmpty(); round++) {
            Map<String, Integer> index = new LinkedHashMap<>();
            List<String> phrases = new ArrayList<>();
            Map<Integer, String> candidate = new HashMap<>();
            for (int i : open) {
                String text = texts.get(i);
                int want = round < QUOTE_LENGTHS.length ? QUOTE_LENGTHS[round] : text.length();
                String c = text.substring(0, cut(text, Math.min(want, text.length())));
                candidate.put(i, c);
                if (index.putIfAbsent(c, phrases.size()) == null) {
                    phrases.add(c);
                }
            }
            int[] hits = new int[phrases.size()];
            PhraseMatcher matcher = new PhraseMatcher(phrases);
            for (String text : texts) {
                matcher.scan(text, (phrase, start) -> hits[phrase]++);
            }
            List<Integer> still = new ArrayList<>();
            for (int i : open) {
                String c = candidate.get(i);
                if (hits[index.get(c)] == 1) {
                    out[i] = c;
                } else if (c.length() < texts.get(i).length()) {
                    still.add(i);
                }
            }
            open = still;
        }
        return out;
    }

    /**
     * Where a quote of about {@code end} characters should end: not inside a Latin word or a surrogate
     * pair, not before a combining mark, not on a space.
     */
    static int cut(String text, int end) {
        while (end < text.length() && end > 0) {
            char before = text.charAt(end - 1);
            char after = text.charAt(end);
            boolean inWord = isLatinWordChar(before) && isLatinWordChar(after);
            boolean split = Character.isHighSurrogate(before) || Character.getType(after) == Character.NON_SPACING_MARK
                    || Character.getType(after) == Character.COMBINING_SPACING_MARK;
            if (!inWord && !split && before != ' ') {
                break;
            }
            end++;
        }
        return end;
    }

    private static boolean isLatinWordChar(char c) {
        return c < 0x250 && Character.isLetterOrDigit(c);
    }

    private static String unique(String id, Set<String> taken) {
        String out = id;
        for (int n = 2; !taken.add(out); n++) {
            out = id + "-" + n;
        }
        return out;
    }

    /** A TODO comment when {@code text} (used as its own English for now) has Chinese in it. */
    private static String todo(String text, String what) {
        return hasCjk(text) ? "  # " + TODO + ": " + what : "";
    }

    private static boolean hasCjk(String text) {
        return text.codePoints().anyMatch(Texts::isCjk);
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029]", " ");
    }

    /** A YAML double-quoted scalar: only '"', '\' and characters YAML treats as breaks or controls are escaped. */
    static String quoted(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
                            || Character.isSurrogate(c) && !validPair(s, i)) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
