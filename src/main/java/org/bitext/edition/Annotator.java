package org.bitext.edition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bitext.diag.Diagnostics;
import org.bitext.diag.Position;
import org.bitext.editorial.EditorialLayer;
import org.bitext.editorial.GlossaryEntry;
import org.bitext.editorial.NoteDef;
import org.bitext.editorial.Quote;
import org.bitext.editorial.SectionDef;
import org.bitext.editorial.SpeakerDef;
import org.bitext.editorial.SplitDef;
import org.bitext.editorial.TopicDef;
import org.bitext.editorial.TurnDef;
import org.bitext.text.Nearest;
import org.bitext.text.PhraseMatcher;
import org.bitext.text.Texts;
import org.bitext.transcript.Paragraph;
import org.bitext.transcript.RawSection;
import org.bitext.transcript.Transcript;

/**
 * Applies the editorial layer to the transcript: gives every paragraph its speaker, resolves every
 * quote to exactly one place, performs reassignments and splits, attaches notes, topics and glossary
 * terms. Every problem becomes a diagnostic; nothing is dropped silently.
 */
public final class Annotator {
    private static final int MAX_HITS = 16;

    private final Transcript transcript;
    private final EditorialLayer layer;
    private final boolean strict;
    private final Diagnostics diags;

    /** A paragraph with where it sits and whom the source's labelling gives it to. */
    private record Para(int index, int section, Paragraph paragraph, String sourceSpeaker) {
    }

    /** A turn under construction: where its text starts and ends in its paragraph. */
    private static final class Piece {
        final Para para;
        final int start;
        final int end;
        String id;
        String speaker;
        String en;
        Intervention intervention;
        Position position;
        final List<Mark> notes = new ArrayList<>();
        final Set<String> topics = new LinkedHashSet<>();
        int order;

        Piece(Para para, int start, int end) {
            this.para = para;
            this.start = start;
            this.end = end;
        }

        String text() {
            return para.paragraph().text().substring(start, end);
        }
    }

    /** Where a quote matched: a paragraph (index) or, for targets past the paragraphs, a heading. */
    private record Hit(int target, int start) {
    }

    public Annotator(Transcript transcript, EditorialLayer layer, boolean strict, Diagnostics diags) {
        this.transcript = transcript;
        this.layer = layer;
        this.strict = strict;
        this.diags = diags;
    }

    public Edition annotate() {
        Map<String, Speaker> speakers = speakers();
        List<Para> paras = attribute(speakers);
        String[] sectionIds = sectionIds();
        List<List<Piece>> pieces = turns(paras, sectionIds, speakers);
        List<Piece> ordered = new ArrayList<>();
        pieces.forEach(ordered::addAll);
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).order = i;
        }
        Map<String, List<String>> headingNotes = new HashMap<>();
        Map<String, Note> notes = notes(paras, pieces, sectionIds, headingNotes);
        List<Topic> topics = topics(paras, pieces, ordered);
        Map<Piece, List<Mark>> termMarks = new HashMap<>();
        List<Term> glossary = glossary(ordered, termMarks);
        checkCompleteness(ordered, speakers, topics);

        List<Section> sections = new ArrayList<>();
        List<List<Piece>> bySection = new ArrayList<>(); // one pass, not one per section
        for (int s = 0; s < transcript.sections().size(); s++) {
            bySection.add(new ArrayList<>());
        }
        for (Piece p : ordered) {
            bySection.get(p.para.section()).add(p);
        }
        for (int s = 0; s < transcript.sections().size(); s++) {
            RawSection raw = transcript.sections().get(s);
            List<Turn> turns = new ArrayList<>();
            for (Piece p : bySection.get(s)) {
                List<Mark> noteMarks = new ArrayList<>(p.notes);
                noteMarks.sort((a, b) -> a.end() != b.end() ? Integer.compare(a.end(), b.end())
                        : Integer.compare(a.start(), b.start()));
                turns.add(new Turn(p.id, sectionIds[s], p.speaker, p.para.sourceSpeaker(), p.text(), p.en,
                        p.intervention == null ? List.of() : List.of(p.intervention),
                        termMarks.getOrDefault(p, List.of()), List.copyOf(noteMarks), List.copyOf(p.topics),
                        p.position));
            }
            String heading = raw.heading() == null ? "" : raw.heading();
            sections.add(new Section(sectionIds[s], new org.bitext.editorial.Bilingual(heading, sectionEnglish(s)),
                    raw.level(), raw.isPartTitle(), List.copyOf(turns),
                    List.copyOf(headingNotes.getOrDefault(sectionIds[s], List.of())), raw.omittedImages()));
        }
        return new Edition(layer.edition(), transcript.meta(), transcript.sha256(),
                List.copyOf(speakers.values()), List.copyOf(sections), notes, glossary, topics);
    }

    // ---- speakers and source attribution ----

    private Map<String, Speaker> speakers() {
        Map<String, Speaker> out = new LinkedHashMap<>();
        for (SpeakerDef d : layer.speakers().values()) {
            out.put(d.id(), new Speaker(d.id(), d.name(), d.about(), d.beforeFirstLabel(), d.position()));
        }
        return out;
    }

    private String narrator() {
        String found = null;
        for (SpeakerDef d : layer.speakers().values()) {
            if (d.beforeFirstLabel()) {
                if (found != null) {
                    diags.error(d.position(), "only one speaker can be 'before_first_label' (also '" + found + "')");
                } else {
                    found = d.id();
                }
            }
        }
        return found;
    }

    private List<Para> attribute(Map<String, Speaker> speakers) {
        Map<String, String> byLabel = new LinkedHashMap<>();
        for (SpeakerDef d : layer.speakers().values()) {
            for (String label : d.labels()) {
                String other = byLabel.putIfAbsent(label, d.id());
                if (other != null && !other.equals(d.id())) {
                    diags.error(d.position(), "label '" + label + "' is given to both '" + other + "' and '" + d.id() + "'");
                }
            }
        }
        String narrator = narrator();
        List<Para> out = new ArrayList<>();
        String current = null;
        boolean labelSeen = false;
        boolean unknownBefore = false;
        for (int s = 0; s < transcript.sections().size(); s++) {
            for (Paragraph p : transcript.sections().get(s).paragraphs()) {
                if (p.label() != null) {
                    labelSeen = true;
                    current = byLabel.get(p.label());
                    if (current == null) {
                        String suggestion = Texts.suggest(p.label(), byLabel.keySet());
                        diags.error(p.labelPosition(), "unknown speaker label '" + p.label() + "'"
                                + (suggestion != null ? "; did you mean '" + suggestion + "'?" : ""),
                                "add it to the 'labels' of a speaker in " + layer.file()
                                        + (byLabel.isEmpty() ? "" : " (known labels: " + String.join(", ", byLabel.keySet()) + ")"));
                    }
                } else if (!labelSeen) {
                    if (narrator == null && !unknownBefore) {
                        unknownBefore = true;
                        diags.error(p.position(), "this paragraph comes before the first speaker label, but no speaker is "
                                + "'before_first_label: true' in " + layer.file());
                    }
                    current = narrator;
                }
                out.add(new Para(out.size(), s, p, current));
            }
        }
        if (!labelSeen && !out.isEmpty()) {
            diags.error(Position.of(transcript.file()), "the transcript has no labeled turn",
                    "a turn starts with a bold label ending in a colon, such as **主持人：**");
        }
        return out;
    }

    // ---- sections ----

    private String[] sectionIds() {
        List<RawSection> raw = transcript.sections();
        String[] ids = new String[raw.size()];
        SectionDef[] defs = new SectionDef[raw.size()];
        for (SectionDef d : layer.sections()) {
            if (d.at() == null) {
                continue;
            }
            String q = Texts.normalize(d.at().exact());
            List<Integer> hits = new ArrayList<>();
            for (int i = 0; i < raw.size(); i++) {
                if (raw.get(i).heading() != null && raw.get(i).heading().contains(q)) {
                    hits.add(i);
                }
            }
            if (hits.isEmpty()) {
                List<String> headings = raw.stream().map(RawSection::heading).filter(h -> h != null).toList();
                diags.error(d.at().position(), "heading \"" + Texts.clip(q, 40) + "\" not found in " + transcript.file()
                        + nearestAmong(q, headings));
            } else if (hits.size() > 1) {
                diags.error(d.at().position(), "\"" + q + "\" matches " + hits.size() + " headings; quote more of the heading");
            } else if (defs[hits.get(0)] != null) {
                diags.error(d.position(), "the heading \"" + raw.get(hits.get(0)).heading() + "\" already has an entry (line "
                        + defs[hits.get(0)].position().line() + ")");
            } else {
                defs[hits.get(0)] = d;
            }
        }
        Map<String, Integer> used = new HashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            String id = defs[i] != null && defs[i].id() != null ? defs[i].id()
                    : raw.get(i).heading() == null ? "preface" : derivedSectionId(raw.get(i).heading());
            Integer prev = used.putIfAbsent(id, i);
            if (prev != null) {
                if (defs[i] != null && defs[i].id() != null) {
                    diags.error(defs[i].position(), "duplicate section id '" + id + "'");
                }
                int n = 2;
                while (used.containsKey(id + "-" + n)) {
                    n++;
                }
                id = id + "-" + n;
                used.put(id, i);
            }
            ids[i] = id;
        }
        sectionDefs = defs;
        return ids;
    }

    private SectionDef[] sectionDefs;

    private String sectionEnglish(int s) {
        return sectionDefs[s] == null ? null : sectionDefs[s].en();
    }

    private static String derivedSectionId(String heading) {
        String slug = Texts.slugify(heading);
        return slug.length() >= 3 ? slug : "s-" + Texts.shortHash(heading, 6);
    }

    // ---- turns: reassignments and splits ----

    private List<List<Piece>> turns(List<Para> paras, String[] sectionIds, Map<String, Speaker> speakers) {
        TurnDef[] byPara = new TurnDef[paras.size()];
        List<Quote> quotes = layer.turns().stream().map(TurnDef::at).toList();
        List<List<Hit>> hits = locate(quotes, paras, List.of());
        for (int i = 0; i < layer.turns().size(); i++) {
            TurnDef d = layer.turns().get(i);
            Hit h = single(d.at(), hits.get(i), paras, List.of(), "turn entry");
            if (h == null) {
                continue;
            }
            if (byPara[h.target()] != null) {
                diags.error(d.at().position(), "this paragraph already has a turn entry (line "
                        + byPara[h.target()].position().line() + "); put both in one entry");
                continue;
            }
            byPara[h.target()] = d;
        }
        List<List<Piece>> out = new ArrayList<>();
        Map<String, Position> explicitIds = new HashMap<>();
        Set<String> allIds = new HashSet<>();
        List<Piece> derived = new ArrayList<>();
        for (Para p : paras) {
            TurnDef d = byPara[p.index()];
            List<Piece> list = pieces(p, d, speakers);
            for (Piece piece : list) {
                if (piece.id != null) {
                    Position prev = explicitIds.putIfAbsent(piece.id, piece.position);
                    if (prev != null) {
                        diags.error(piece.position, "duplicate turn id '" + piece.id + "' (first at line " + prev.line() + ")");
                    }
                    allIds.add(piece.id);
                } else {
                    derived.add(piece);
                }
            }
            out.add(list);
        }
        // Derived ids come from the section and the turn's own text, so editing elsewhere never moves them.
        for (Piece piece : derived) {
            String base = sectionIds[piece.para.section()] + "-" + Texts.shortHash(piece.text(), 6);
            String id = base;
            for (int n = 2; allIds.contains(id); n++) {
                id = base + "-" + n;
            }
            piece.id = id;
            allIds.add(id);
        }
        return out;
    }

    private List<Piece> pieces(Para p, TurnDef d, Map<String, Speaker> speakers) {
        String text = p.paragraph().text();
        List<Piece> out = new ArrayList<>();
        if (d == null) {
            Piece whole = new Piece(p, 0, text.length());
            whole.speaker = p.sourceSpeaker();
            whole.position = p.paragraph().position();
            out.add(whole);
            return out;
        }
        List<int[]> cuts = new ArrayList<>();
        List<SplitDef> okSplits = new ArrayList<>();
        int lastStart = 0;
        int lastEnd = 0;
        for (SplitDef s : d.splits()) {
            if (s.at() == null) {
                continue;
            }
            String q = Texts.normalize(s.at().exact());
            int at = text.indexOf(q);
            if (at < 0) {
                diags.error(s.at().position(), "split phrase \"" + Texts.clip(q, 40) + "\" is not in the paragraph of this turn entry"
                        + nearestIn(q, text));
                continue;
            }
            if (text.indexOf(q, at + 1) >= 0) {
                diags.error(s.at().position(), "split phrase \"" + Texts.clip(q, 40)
                        + "\" occurs more than once in the paragraph; quote more so it is unique");
                continue;
            }
            if (at == 0) {
                diags.error(s.at().position(), "split phrase \"" + Texts.clip(q, 40)
                        + "\" is where the paragraph starts; reassign the turn with 'speaker' instead");
                continue;
            }
            if (at <= lastStart) {
                diags.error(s.at().position(), "split phrase \"" + Texts.clip(q, 40)
                        + "\" comes before the previous split; list splits in reading order");
                continue;
            }
            if (at < lastEnd) {
                diags.error(s.at().position(), "split phrase \"" + Texts.clip(q, 40) + "\" overlaps the previous split phrase");
                continue;
            }
            lastStart = at;
            lastEnd = at + q.length();
            cuts.add(new int[] {at});
            okSplits.add(s);
        }
        int start = 0;
        for (int k = 0; k <= okSplits.size(); k++) {
            int end = k < okSplits.size() ? cuts.get(k)[0] : text.length();
            int s = start;
            int e = end;
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            Piece piece = new Piece(p, s, e);
            if (k == 0) {
                piece.id = d.id();
                piece.en = d.en();
                piece.position = d.position();
                piece.speaker = p.sourceSpeaker();
                if (d.speaker() != null) {
                    if (!speakers.containsKey(d.speaker())) {
                        unknownSpeaker(d.speaker(), d.position(), speakers);
                    } else if (d.speaker().equals(p.sourceSpeaker())) {
                        diags.warning(d.position(), "'speaker: " + d.speaker() + "' is already the source's speaker; nothing to correct");
                    } else {
                        piece.speaker = d.speaker();
                        piece.intervention = new Intervention(Intervention.Kind.REATTRIBUTED, p.sourceSpeaker(), d.reason());
                    }
                }
                topicRefs(d.topics(), piece);
            } else {
                SplitDef sd = okSplits.get(k - 1);
                piece.id = sd.id();
                piece.en = sd.en();
                piece.position = sd.position();
                piece.speaker = sd.speaker() != null ? sd.speaker() : p.sourceSpeaker();
                if (sd.speaker() != null && !speakers.containsKey(sd.speaker())) {
                    unknownSpeaker(sd.speaker(), sd.position(), speakers);
                    piece.speaker = p.sourceSpeaker();
                }
                piece.intervention = new Intervention(Intervention.Kind.SPLIT, p.sourceSpeaker(), sd.reason());
                topicRefs(sd.topics(), piece);
            }
            out.add(piece);
            start = end;
        }
        return out;
    }

    private final List<Object[]> pendingTopicRefs = new ArrayList<>();

    private void topicRefs(List<Quote> refs, Piece piece) {
        for (Quote q : refs) {
            pendingTopicRefs.add(new Object[] {q, piece});
        }
    }

    private void unknownSpeaker(String id, Position at, Map<String, Speaker> speakers) {
        String suggestion = Texts.suggest(id, speakers.keySet());
        diags.error(at, "unknown speaker '" + id + "'" + (suggestion != null ? "; did you mean '" + suggestion + "'?" : ""),
                "speakers: " + String.join(", ", speakers.keySet()));
    }

    // ---- notes ----

    private Map<String, Note> notes(List<Para> paras, List<List<Piece>> pieces, String[] sectionIds,
            Map<String, List<String>> headingNotes) {
        List<String> headings = new ArrayList<>();
        for (RawSection s : transcript.sections()) {
            headings.add(s.heading() == null ? "" : s.heading());
        }
        List<NoteDef> defs = layer.notes();
        List<List<Hit>> hits = locate(defs.stream().map(NoteDef::at).toList(), paras, headings);
        Map<String, Note> out = new LinkedHashMap<>();
        Map<String, Position> seen = new HashMap<>();
        for (int i = 0; i < defs.size(); i++) {
            NoteDef d = defs.get(i);
            if (d.id() != null) {
                Position prev = seen.putIfAbsent(d.id(), d.position());
                if (prev != null) {
                    diags.error(d.position(), "duplicate note id '" + d.id() + "' (first at line " + prev.line() + ")");
                    continue;
                }
            }
            if (d.at() == null) {
                continue;
            }
            Hit h = single(d.at(), hits.get(i), paras, headings, "note");
            if (h == null || d.id() == null || d.kind() == null || d.text() == null) {
                continue;
            }
            String quote = Texts.normalize(d.at().exact());
            if (h.target() >= paras.size()) {
                int s = h.target() - paras.size();
                if (transcript.sections().get(s).isPartTitle()) {
                    diags.error(d.at().position(), "note quote \"" + Texts.clip(quote, 40) + "\" is in the part title \""
                            + transcript.sections().get(s).heading() + "\", which has no page of its own",
                            "anchor the note on a phrase of the first section of the part");
                    continue;
                }
                headingNotes.computeIfAbsent(sectionIds[s], k -> new ArrayList<>()).add(d.id());
                out.put(d.id(), new Note(d.id(), d.kind(), quote, sectionIds[s], null, d.text(), d.position()));
                continue;
            }
            Para para = paras.get(h.target());
            int start = h.start();
            int end = start + quote.length();
            Piece owner = null;
            for (Piece p : pieces.get(para.index())) {
                if (start >= p.start && end <= p.end) {
                    owner = p;
                }
            }
            if (owner == null) {
                diags.error(d.at().position(), "note quote \"" + Texts.clip(quote, 40)
                        + "\" straddles a split between two turns; quote a phrase inside one turn");
                continue;
            }
            owner.notes.add(new Mark(start - owner.start, end - owner.start, d.id()));
            out.put(d.id(), new Note(d.id(), d.kind(), quote, sectionIds[para.section()], owner.id, d.text(),
                    d.position()));
        }
        return out;
    }

    // ---- topics ----

    private List<Topic> topics(List<Para> paras, List<List<Piece>> pieces, List<Piece> ordered) {
        Map<String, TopicDef> byId = new LinkedHashMap<>();
        for (TopicDef t : layer.topics()) {
            byId.put(t.id(), t);
        }
        List<Quote> quotes = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        for (TopicDef t : layer.topics()) {
            for (Quote q : t.turns()) {
                quotes.add(q);
                owners.add(t.id());
            }
        }
        List<List<Hit>> hits = locate(quotes, paras, List.of());
        for (int i = 0; i < quotes.size(); i++) {
            Hit h = single(quotes.get(i), hits.get(i), paras, List.of(), "topic");
            if (h == null) {
                continue;
            }
            int end = h.start() + Texts.normalize(quotes.get(i).exact()).length();
            Piece owner = null;
            for (Piece p : pieces.get(h.target())) {
                if (h.start() >= p.start && end <= p.end) {
                    owner = p;
                }
            }
            if (owner == null) {
                diags.error(quotes.get(i).position(), "topic quote straddles a split between two turns; quote a phrase inside one turn");
                continue;
            }
            owner.topics.add(owners.get(i));
        }
        for (Object[] ref : pendingTopicRefs) {
            Quote q = (Quote) ref[0];
            Piece piece = (Piece) ref[1];
            if (!byId.containsKey(q.exact())) {
                String suggestion = Texts.suggest(q.exact(), byId.keySet());
                diags.error(q.position(), "unknown topic '" + q.exact() + "'"
                        + (suggestion != null ? "; did you mean '" + suggestion + "'?" : ""));
            } else {
                piece.topics.add(q.exact());
            }
        }
        // one pass over the turns, not one per topic: linear in turns + topics
        Map<String, List<String>> turnsOf = new HashMap<>();
        for (Piece p : ordered) {
            for (String id : p.topics) {
                turnsOf.computeIfAbsent(id, k -> new ArrayList<>()).add(p.id);
            }
        }
        List<Topic> out = new ArrayList<>();
        for (TopicDef t : layer.topics()) {
            List<String> turns = turnsOf.getOrDefault(t.id(), List.of());
            if (turns.isEmpty()) {
                diags.warning(t.position(), "topic '" + t.id() + "' covers no turn");
            }
            out.add(new Topic(t.id(), t.name(), t.description(), List.copyOf(turns)));
        }
        // A turn lists its topics in the order the topics are defined, whatever order the quotes came in.
        Map<String, Integer> order = new HashMap<>();
        for (TopicDef t : layer.topics()) {
            order.putIfAbsent(t.id(), order.size());
        }
        for (Piece p : ordered) {
            List<String> sorted = new ArrayList<>(p.topics);
            sorted.sort((a, b) -> Integer.compare(order.getOrDefault(a, -1), order.getOrDefault(b, -1)));
            p.topics.clear();
            p.topics.addAll(sorted);
        }
        return out;
    }

    // ---- glossary ----

    private List<Term> glossary(List<Piece> ordered, Map<Piece, List<Mark>> marks) {
        List<GlossaryEntry> entries = new ArrayList<>();
        Map<String, Position> seen = new HashMap<>();
        for (GlossaryEntry g : layer.glossary()) {
            if (g.zh() == null || g.pinyin() == null || g.en() == null) {
                continue;
            }
            Position prev = seen.putIfAbsent(Texts.normalize(g.zh()), g.position());
            if (prev != null) {
                diags.error(g.position(), "duplicate glossary term '" + g.zh() + "' (first at line " + prev.line() + ")");
                continue;
            }
            entries.add(g);
        }
        List<String> ids = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (GlossaryEntry g : entries) {
            String base = "g-" + (Texts.slugify(g.pinyin()).isEmpty() ? Texts.shortHash(g.zh(), 6) : Texts.slugify(g.pinyin()));
            String id = base;
            for (int n = 2; !used.add(id); n++) {
                id = base + "-" + n;
            }
            ids.add(id);
        }
        int[] counts = new int[entries.size()];
        if (!entries.isEmpty()) {
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
                if (!list.isEmpty()) {
                    marks.put(p, List.copyOf(list));
                }
            }
        }
        List<Term> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            GlossaryEntry g = entries.get(i);
            if (counts[i] == 0) {
                report(g.position(), "glossary term '" + g.zh() + "' never occurs in the transcript");
            }
            out.add(new Term(ids.get(i), Texts.normalize(g.zh()), g.pinyin().trim(), g.en().trim(), g.note(), counts[i], g.position()));
        }
        return out;
    }

    // ---- completeness ----

    private void checkCompleteness(List<Piece> ordered, Map<String, Speaker> speakers, List<Topic> topics) {
        for (Piece p : ordered) {
            if (p.en == null || p.en.isBlank()) {
                report(p.position, "turn '" + p.id + "' (\"" + Texts.clip(p.text(), 20) + "\") has no English gloss; "
                        + "it is shown as translation pending");
            }
            Speaker sp = p.speaker == null ? null : speakers.get(p.speaker);
            if (!topics.isEmpty() && sp != null && !sp.narrator() && p.topics.isEmpty()) {
                report(p.position, "turn '" + p.id + "' (\"" + Texts.clip(p.text(), 20) + "\") belongs to no topic");
            }
        }
    }

    /** A warning, or an error under --strict. */
    private void report(Position at, String message) {
        if (strict) {
            diags.error(at, message);
        } else {
            diags.warning(at, message);
        }
    }

    // ---- quote resolution ----

    /** Finds every quote in the paragraphs (and the headings, when given) in one pass. */
    private List<List<Hit>> locate(List<Quote> quotes, List<Para> paras, List<String> headings) {
        List<List<Hit>> out = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        for (Quote q : quotes) {
            out.add(new ArrayList<>());
            phrases.add(q == null ? "" : Texts.normalize(q.exact()));
        }
        PhraseMatcher matcher = new PhraseMatcher(phrases);
        int targets = paras.size() + headings.size();
        for (int t = 0; t < targets; t++) {
            String text = t < paras.size() ? paras.get(t).paragraph().text() : headings.get(t - paras.size());
            int target = t;
            matcher.scan(text, (i, start) -> {
                Quote q = quotes.get(i);
                if (out.get(i).size() < MAX_HITS && contextMatches(q, text, start, phrases.get(i).length())) {
                    out.get(i).add(new Hit(target, start));
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
    private Hit single(Quote q, List<Hit> hits, List<Para> paras, List<String> headings, String what) {
        if (q == null) {
            return null;
        }
        String phrase = Texts.normalize(q.exact());
        if (phrase.isEmpty()) {
            diags.error(q.position(), what + " quote is empty");
            return null;
        }
        if (hits.isEmpty()) {
            List<String> texts = new ArrayList<>();
            paras.forEach(p -> texts.add(p.paragraph().text()));
            texts.addAll(headings);
            String context = q.prefix() != null || q.suffix() != null ? " with the given prefix/suffix" : "";
            diags.error(q.position(), what + " quote \"" + Texts.clip(phrase, 40) + "\"" + context + " matches nothing in "
                    + transcript.file() + nearestAmong(phrase, texts));
            return null;
        }
        if (hits.size() > 1) {
            // distinct places: a phrase repeated inside one paragraph names that paragraph's line once
            Set<String> distinct = new LinkedHashSet<>();
            for (Hit h : hits) {
                distinct.add(h.target() < paras.size() ? "line " + paras.get(h.target()).paragraph().position().line()
                        : "heading \"" + headings.get(h.target() - paras.size()) + "\"");
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

    private static String nearestIn(String phrase, String text) {
        return nearestAmong(phrase, List.of(text));
    }

    /** "; nearest text: …" showing the closest stretch of any of the texts, with a little context. */
    static String nearestAmong(String phrase, List<String> texts) {
        Nearest.Match best = null;
        String bestText = null;
        for (String t : texts) {
            if (t == null || t.isEmpty()) {
                continue;
            }
            Nearest.Match m = Nearest.find(phrase, t);
            if (best == null || m.distance() < best.distance()) {
                best = m;
                bestText = t;
            }
        }
        if (best == null || best.distance() >= phrase.length()) {
            return "";
        }
        int from = Math.max(0, best.start() - 6);
        int to = Math.min(bestText.length(), best.end() + 6);
        return "; nearest text: \"" + (from > 0 ? "…" : "") + bestText.substring(from, to)
                + (to < bestText.length() ? "…" : "") + "\"";
    }
}
