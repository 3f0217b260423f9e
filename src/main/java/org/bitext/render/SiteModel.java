package org.bitext.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.bitext.edition.Edition;
import org.bitext.edition.Intervention;
import org.bitext.edition.Mark;
import org.bitext.edition.Note;
import org.bitext.edition.Section;
import org.bitext.edition.Speaker;
import org.bitext.edition.Term;
import org.bitext.edition.Topic;
import org.bitext.edition.Turn;
import org.bitext.editorial.Bilingual;
import org.bitext.editorial.NoteKind;

/**
 * Turns the {@link Edition} into the plain maps and lists the templates read. Links are stored
 * relative to the site root ({@code url}); templates prefix them with {@code root}.
 */
public final class SiteModel {
    private final Edition edition;
    private final Markdown markdown;
    private final Map<String, Map<String, Object>> speakers = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> terms = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> topics = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> notes = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> turns = new LinkedHashMap<>();
    private final List<Map<String, Object>> sections = new ArrayList<>();
    private final Map<String, Object> site = new LinkedHashMap<>();

    public SiteModel(Edition edition) {
        this(edition, new Markdown());
    }

    /** With the Markdown renderer to use (one that remembers, between builds). */
    public SiteModel(Edition edition, Markdown markdown) {
        this.edition = edition;
        this.markdown = markdown;
        build();
    }

    /** The whole-site model every template gets as {@code site}. */
    public Map<String, Object> site() {
        return site;
    }

    public List<Map<String, Object>> sections() {
        return sections;
    }

    public Map<String, Map<String, Object>> speakers() {
        return speakers;
    }

    public Map<String, Map<String, Object>> topics() {
        return topics;
    }

    private void build() {
        for (Speaker s : edition.speakers()) {
            Map<String, Object> m = new SmallMap();
            m.put("id", s.id());
            m.put("name", bi(s.name()));
            m.put("narrator", s.narrator());
            if (s.about() != null) {
                m.put("about", Map.of("zh", markdown.inlineZh(s.about().zh()), "en", markdown.inline(s.about().en())));
            }
            m.put("url", Pages.speaker(s.id()));
            m.put("turnCount", 0);
            m.put("turns", new ArrayList<>());
            speakers.put(s.id(), m);
        }
        for (Term t : edition.glossary()) {
            Map<String, Object> m = new SmallMap();
            m.put("id", t.id());
            m.put("zh", t.zh());
            m.put("pinyin", t.pinyin());
            m.put("en", t.en());
            m.put("note", t.note() == null ? null : markdown.inline(t.note()));
            m.put("occurrences", t.occurrences());
            terms.put(t.id(), m);
        }
        for (Topic t : edition.topics()) {
            Map<String, Object> m = new SmallMap();
            m.put("id", t.id());
            m.put("name", bi(t.name()));
            if (t.description() != null) {
                m.put("description", bi(t.description()));
            }
            m.put("url", Pages.topic(t.id()));
            m.put("count", t.turns().size());
            topics.put(t.id(), m);
        }
        buildSections();
        for (Topic t : edition.topics()) {
            topics.get(t.id()).put("turns", t.turns().stream().map(turns::get).toList());
        }
        site.put("title", bi(edition.meta().title()));
        site.put("description", edition.meta().description() == null ? null : bi(edition.meta().description()));
        site.put("baseUrl", edition.meta().baseUrl());
        Bilingual intro = edition.meta().introduction();
        site.put("introduction", intro == null ? null
                : Map.of("zh", markdown.blockZh(intro.zh()), "en", markdown.block(intro.en())));
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("author", edition.source().author());
        source.put("published", edition.source().published());
        source.put("place", edition.source().place());
        source.put("url", edition.source().url());
        source.put("sha256", edition.sourceSha256());
        site.put("source", source);
        site.put("speakers", List.copyOf(speakers.values()));
        site.put("interviewSpeakers", speakers.values().stream().filter(s -> !(Boolean) s.get("narrator")).toList());
        site.put("sections", sections);
        site.put("pages", sections.stream().filter(s -> !(Boolean) s.get("part")).toList());
        site.put("toc", toc());
        site.put("topics", List.copyOf(topics.values()));
        site.put("topicsByName", topicsByEnglishName());
        List<Map<String, Object>> glossary = new ArrayList<>(terms.values());
        // alphabetical by pinyin without tone marks, then by the characters: a reader's order, any locale
        glossary.sort(java.util.Comparator.comparing((Map<String, Object> g) -> (String) g.get("id"))
                .thenComparing(g -> (String) g.get("zh")));
        site.put("glossary", glossary);
        site.put("notesByKind", notesByKind());
        site.put("noteCount", notes.size());
        site.put("turnCount", turns.size());
        site.put("interventions", turns.values().stream().filter(t -> t.get("intervention") != null).toList());
    }

    private void buildSections() {
        List<Section> pages = edition.pages();
        for (Section s : edition.sections()) {
            Map<String, Object> m = new SmallMap();
            m.put("id", s.id());
            m.put("title", bi(s.title()));
            m.put("part", s.part());
            m.put("level", s.level());
            m.put("url", s.part() ? null : Pages.section(s.id()));
            m.put("omittedImages", s.omittedImages());
            int[] number = {0};
            List<Map<String, Object>> sectionNotes = new ArrayList<>();
            List<Map<String, Object>> headingNotes = new ArrayList<>();
            for (String id : s.notes()) {
                Map<String, Object> n = note(edition.notes().get(id), ++number[0], s);
                headingNotes.add(n);
                sectionNotes.add(n);
            }
            m.put("headingNotes", headingNotes);
            List<Map<String, Object>> turnModels = new ArrayList<>();
            Map<String, Integer> counts = new LinkedHashMap<>();
            String previousSpeaker = null;
            for (Turn t : s.turns()) {
                Map<String, Object> tm = turn(t, s, number, sectionNotes);
                tm.put("continues", t.speaker() != null && t.speaker().equals(previousSpeaker));
                previousSpeaker = t.speaker();
                turnModels.add(tm);
                counts.merge(t.speaker(), 1, Integer::sum);
            }
            m.put("turns", turnModels);
            m.put("notes", sectionNotes);
            List<Map<String, Object>> speakerCounts = new ArrayList<>();
            for (Map<String, Object> sp : speakers.values()) {
                Integer c = counts.get((String) sp.get("id"));
                if (c != null) {
                    speakerCounts.add(Map.of("speaker", sp, "count", c));
                }
            }
            m.put("speakerCounts", speakerCounts);
            m.put("turnCount", turnModels.size());
            sections.add(m);
        }
        // previous/next links between section pages
        List<Map<String, Object>> pageModels = sections.stream().filter(x -> !(Boolean) x.get("part")).toList();
        for (int i = 0; i < pageModels.size(); i++) {
            pageModels.get(i).put("prev", i > 0 ? pageModels.get(i - 1) : null);
            pageModels.get(i).put("next", i + 1 < pageModels.size() ? pageModels.get(i + 1) : null);
        }
        if (pages.size() != pageModels.size()) {
            throw new IllegalStateException("section pages out of step");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> turn(Turn t, Section s, int[] number, List<Map<String, Object>> sectionNotes) {
        Map<String, Object> m = new SmallMap();
        m.put("id", t.id());
        m.put("sectionId", s.id());
        m.put("url", Pages.section(s.id()) + "#" + t.id());
        Map<String, Object> speaker = speakers.get(t.speaker());
        m.put("speaker", speaker);
        m.put("zh", t.zh());
        m.put("en", t.en());
        m.put("pending", t.pending());
        Map<String, Map<String, Object>> turnNotes = new LinkedHashMap<>();
        for (Mark mark : t.notes()) {
            Map<String, Object> n = note(edition.notes().get(mark.id()), ++number[0], s);
            turnNotes.put(mark.id(), n);
            sectionNotes.add(n);
        }
        m.put("notes", List.copyOf(turnNotes.values()));
        m.put("pieces", pieces(t, turnNotes));
        m.put("topics", t.topics().stream().map(topics::get).toList());
        if (!t.interventions().isEmpty()) {
            Intervention iv = t.interventions().get(0);
            Map<String, Object> im = new SmallMap();
            im.put("kind", iv.kind().name().toLowerCase(java.util.Locale.ROOT));
            im.put("reattributed", iv.sourceSpeaker() != null && !iv.sourceSpeaker().equals(t.speaker()));
            im.put("sourceSpeaker", speakers.get(iv.sourceSpeaker()));
            im.put("reason", markdown.inline(iv.reason()));
            m.put("intervention", im);
        }
        if (speaker != null) {
            ((List<Map<String, Object>>) speaker.get("turns")).add(m);
            speaker.put("turnCount", (Integer) speaker.get("turnCount") + 1);
        }
        m.put("section", sectionRef(s, true));
        turns.put(t.id(), m);
        return m;
    }

    /**
     * Cuts the Chinese into pieces so the template can mark glossary terms and put note markers
     * right after the phrase each note quotes. A marker that would fall inside a term moves to its end.
     */
    private List<Map<String, Object>> pieces(Turn t, Map<String, Map<String, Object>> turnNotes) {
        String text = t.zh();
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(0);
        cuts.add(text.length());
        for (Mark term : t.terms()) {
            cuts.add(term.start());
            cuts.add(term.end());
        }
        Map<Integer, List<Map<String, Object>>> notesAt = new LinkedHashMap<>();
        for (Mark n : t.notes()) {
            int at = n.end();
            for (Mark term : t.terms()) {
                if (at > term.start() && at < term.end()) {
                    at = term.end();
                }
            }
            cuts.add(at);
            notesAt.computeIfAbsent(at, k -> new ArrayList<>()).add(turnNotes.get(n.id()));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        Integer prev = null;
        for (int cut : cuts) {
            if (prev != null && cut > prev) {
                Map<String, Object> piece = new SmallMap();
                piece.put("text", text.substring(prev, cut));
                for (Mark term : t.terms()) {
                    if (term.start() <= prev && cut <= term.end()) {
                        piece.put("term", terms.get(term.id()));
                    }
                }
                piece.put("notes", notesAt.getOrDefault(cut, List.of()));
                out.add(piece);
            } else if (prev == null && notesAt.containsKey(0)) {
                out.add(Map.of("text", "", "notes", notesAt.get(0)));
            }
            prev = cut;
        }
        return out;
    }

    private Map<String, Object> note(Note n, int number, Section s) {
        Map<String, Object> m = notes.get(n.id());
        if (m != null) {
            return m;
        }
        m = new SmallMap();
        m.put("id", n.id());
        m.put("number", number);
        m.put("kind", kind(n.kind()));
        m.put("quote", n.quote());
        m.put("html", markdown.block(n.markdown()));
        m.put("turn", n.turn());
        m.put("sectionId", s.id());
        m.put("url", Pages.section(s.id()) + "#note-" + n.id());
        m.put("anchorUrl", Pages.section(s.id()) + "#" + (n.turn() != null ? n.turn() : "top"));
        m.put("section", sectionRef(s, false));
        notes.put(n.id(), m);
        return m;
    }

    private static final Map<NoteKind, Map<String, Object>> KINDS = new java.util.EnumMap<>(NoteKind.class);

    static {
        for (NoteKind k : NoteKind.values()) {
            KINDS.put(k, Map.of("id", k.id(), "en", k.en(), "zh", k.zh()));
        }
    }

    private static Map<String, Object> kind(NoteKind k) {
        return KINDS.get(k);
    }

    /** What a turn (with the url) or a note (without) shows of its section: one map per section, shared. */
    private Map<String, Object> sectionRef(Section s, boolean withUrl) {
        if (refsFor != s) {
            refsFor = s;
            Map<String, Object> title = bi(s.title());
            turnSectionRef = Map.of("id", s.id(), "title", title, "url", Pages.section(s.id()));
            noteSectionRef = Map.of("id", s.id(), "title", title);
        }
        return withUrl ? turnSectionRef : noteSectionRef;
    }

    private Section refsFor;
    private Map<String, Object> turnSectionRef;
    private Map<String, Object> noteSectionRef;

    private List<Map<String, Object>> notesByKind() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (NoteKind k : NoteKind.values()) {
            List<Map<String, Object>> list = notes.values().stream()
                    .filter(n -> ((Map<?, ?>) n.get("kind")).get("id").equals(k.id())).toList();
            if (!list.isEmpty()) {
                out.add(Map.of("kind", kind(k), "notes", list));
            }
        }
        return out;
    }

    private List<Map<String, Object>> toc() {
        List<Map<String, Object>> groups = new ArrayList<>();
        Map<String, Object> current = null;
        for (Map<String, Object> s : sections) {
            if ((Boolean) s.get("part")) {
                current = new LinkedHashMap<>();
                current.put("part", s);
                current.put("sections", new ArrayList<Map<String, Object>>());
                groups.add(current);
            } else {
                if (current == null) {
                    current = new LinkedHashMap<>();
                    current.put("part", null);
                    current.put("sections", new ArrayList<Map<String, Object>>());
                    groups.add(current);
                }
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> list = (List<Map<String, Object>>) current.get("sections");
                list.add(s);
            }
        }
        return groups;
    }

    private List<Map<String, Object>> topicsByEnglishName() {
        List<Map<String, Object>> list = new ArrayList<>(topics.values());
        list.sort((a, b) -> String.valueOf(((Map<?, ?>) a.get("name")).get("en"))
                .compareToIgnoreCase(String.valueOf(((Map<?, ?>) b.get("name")).get("en"))));
        return list;
    }

    static Map<String, Object> bi(Bilingual b) {
        Map<String, Object> m = new SmallMap();
        m.put("zh", b == null ? null : b.zh());
        m.put("en", b == null ? null : b.en());
        return m;
    }
}
