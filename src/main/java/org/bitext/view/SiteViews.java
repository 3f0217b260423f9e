package org.bitext.view;

import java.net.URI;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bitext.edition.Edition;
import org.bitext.edition.Intervention;
import org.bitext.edition.Mark;
import org.bitext.edition.Note;
import org.bitext.edition.Section;
import org.bitext.edition.Speaker;
import org.bitext.edition.Term;
import org.bitext.edition.Topic;
import org.bitext.edition.Turn;
import org.bitext.text.Bilingual;
import org.bitext.text.PhraseMatcher;
import org.bitext.editorial.NoteKind;
import org.bitext.editorial.Recording;
import org.bitext.editorial.RevisionDef;
import org.bitext.editorial.SourceDef;
import org.bitext.editorial.Timestamp;

/**
 * Builds the view of an {@link Edition} once: every record is made complete, in reading order, and
 * each page gets only what it shows, so that a page whose {@link PageModel} equals the last build's
 * comes out the same. Links are relative to the site root ({@code url}); templates prefix them with
 * {@code root}.
 */
public final class SiteViews {
    private static final Bilingual NONE = new Bilingual(null, null);
    /** The first strong emphasis of a note, where the editors write the name it explains ("**Helen Toner** is …"). */
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]+)\\*\\*");

    private final Edition edition;
    private final MarkdownHtml markdown;
    private final SiteView site;
    private final Map<String, NamedRef> speakerRefs = new LinkedHashMap<>();
    private final Map<String, NamedRef> topicRefs = new LinkedHashMap<>();
    private final Map<String, TermRef> termRefs = new LinkedHashMap<>();
    private final Map<String, NoteView> notes = new LinkedHashMap<>();
    private final Map<String, TurnView> turns = new LinkedHashMap<>();
    private final List<SectionView> sections = new ArrayList<>();
    private final List<Page> pages = new ArrayList<>();
    private final Citations citations;

    private SiteViews(Edition edition, MarkdownHtml markdown) {
        this.edition = edition;
        this.markdown = markdown;
        var meta = edition.meta();
        var source = edition.source();
        List<RevisionDef> revisions = edition.revisions();
        String lastRevised = revisions.isEmpty() ? meta.published() : revisions.get(revisions.size() - 1).date();
        citations = new Citations(edition);
        site = new SiteView(or(meta.title()), meta.description(), meta.baseUrl(),
                new SourceView(source.author(), source.published(), source.place(), source.url(), edition.sourceSha256()),
                lastRevised, citations.lead(), citations.original());
        for (Speaker s : edition.speakers()) {
            speakerRefs.put(s.id(), new NamedRef(s.id(), or(s.name()), Pages.speaker(s.id())));
        }
        for (Topic t : edition.topics()) {
            topicRefs.put(t.id(), new NamedRef(t.id(), or(t.name()), Pages.topic(t.id())));
        }
        for (Term t : edition.glossary()) {
            termRefs.put(t.id(), new TermRef(t.id(), t.pinyin(), t.en()));
        }
        for (Section s : edition.sections()) {
            sections.add(section(s));
        }
        makePages();
    }

    /** Every file of the site that a template makes, in the order they are best made (linked-to pages first). */
    public static List<Page> of(Edition edition, MarkdownHtml markdown) {
        return new SiteViews(edition, markdown).pages;
    }

    /** The path part of the base URL ("/" without one): where the 404 page's links start. */
    public static String basePath(String baseUrl) {
        String path = baseUrl == null ? "/" : URI.create(baseUrl).getPath();
        return path.isEmpty() ? "/" : path;
    }

    private void makePages() {
        List<SpeakerView> speakers = speakers();
        List<TopicView> topics = edition.topics().stream().map(this::topic).toList();
        List<TermView> glossary = edition.glossary().stream().map(this::term).toList();
        List<TermView> byPinyin = new ArrayList<>(glossary);
        // alphabetical by pinyin without tone marks (the id), then by the characters: a reader's order, any locale
        byPinyin.sort(Comparator.comparing(TermView::id).thenComparing(TermView::zh));

        add(Pages.GLOSSARY, "glossary.ftlh", new GlossaryPage(List.copyOf(byPinyin)));
        List<SectionView> sectionPages = sections.stream().filter(s -> !s.part()).toList();
        for (int i = 0; i < sectionPages.size(); i++) {
            SectionView s = sectionPages.get(i);
            add(s.url(), "section.ftlh", new SectionPage(s, i > 0 ? ref(sectionPages.get(i - 1)) : null,
                    i + 1 < sectionPages.size() ? ref(sectionPages.get(i + 1)) : null));
        }
        Bilingual intro = edition.meta().introduction();
        add(Pages.HOME, "index.ftlh", new HomePage(
                intro == null ? null : new Bilingual(markdown.blockZh(intro.zh()), markdown.block(intro.en())),
                toc(), topics.size(), glossary.size(), notes.size(), speakers, EpubViews.path(site.baseUrl())));
        List<SpeakerCount> counts = speakers.stream().filter(s -> s.turnCount() > 0)
                .map(s -> new SpeakerCount(speakerRefs.get(s.id()), s.turnCount())).toList();
        add(Pages.TRANSCRIPT, "transcript.ftlh", new TranscriptPage(counts, List.copyOf(sections)));
        add(Pages.NOTES, "notes.ftlh", new NotesPage(notes.size(), notesByKind(),
                turns.values().stream().filter(t -> t.intervention() != null).toList()));
        add(Pages.TOPICS, "topics.ftlh", new TopicsPage(topics));
        for (TopicView t : topics) {
            add(t.url(), "topic.ftlh", new TopicPage(t, t.turnIds().stream().map(turns::get).toList()));
        }
        for (SpeakerView s : speakers) {
            add(s.url(), "speaker.ftlh", new SpeakerPage(s, speakers,
                    turns.values().stream().filter(t -> t.speaker() != null && t.speaker().id().equals(s.id())).toList()));
        }
        add(Pages.NOT_FOUND, "404.ftlh", new NotFoundPage(basePath(site.baseUrl())));
        add(Pages.CITE, "cite.ftlh", new CitePage(citations.edition(), List.copyOf(turns.values())));
        List<RevisionView> revisions = edition.revisions().stream().map(r -> new RevisionView(r.date(), r.summary())).toList();
        add(Pages.REVISIONS, "revisions.ftlh", new RevisionsPage(edition.meta().published(), newestFirst(revisions)));
        add(Pages.NAMES, "names.ftlh", new NamesPage(names()));

        List<NoteView> allNotes = new ArrayList<>();
        for (Note n : edition.notes().values()) {
            NoteView v = notes.get(n.id());
            if (v == null) {
                throw new IllegalStateException("note " + n.id() + " is in no section");
            }
            allNotes.add(v);
        }
        add("edition.json", "edition.json.ftl", new EditionData(intro, speakers, List.copyOf(sections), allNotes, topics, glossary,
                citations.edition(), revisions));
        if (site.baseUrl() != null) {
            SitemapPage sitemap = new SitemapPage(List.copyOf(new TreeSet<>(pages.stream().map(Page::path)
                    .filter(p -> p.endsWith(".html") && !p.equals(Pages.NOT_FOUND)).toList())));
            add("sitemap.xml", "sitemap.xml.ftlx", sitemap);
            add("robots.txt", "robots.txt.ftl", sitemap);
        }
    }

    private void add(String path, String template, PageView page) {
        String base = site.baseUrl();
        String canonical = base == null ? null : base + (path.equals(Pages.HOME) ? "" : path);
        pages.add(new Page(path, template, new PageModel(site, page, path, Pages.root(path), canonical)));
    }

    private List<SpeakerView> speakers() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (TurnView t : turns.values()) {
            if (t.speaker() != null) {
                counts.merge(t.speaker().id(), 1, Integer::sum);
            }
        }
        List<SpeakerView> out = new ArrayList<>();
        for (Speaker s : edition.speakers()) {
            Bilingual about = s.about() == null ? null
                    : new Bilingual(markdown.inlineZh(s.about().zh()), markdown.inline(s.about().en()));
            out.add(new SpeakerView(s.id(), or(s.name()), s.narrator(), about, s.labels(), Pages.speaker(s.id()),
                    counts.getOrDefault(s.id(), 0)));
        }
        return List.copyOf(out);
    }

    private TopicView topic(Topic t) {
        return new TopicView(t.id(), or(t.name()), t.description(), Pages.topic(t.id()), t.turns().size(), List.copyOf(t.turns()));
    }

    private TermView term(Term t) {
        return new TermView(t.id(), t.zh(), t.pinyin(), t.en(), t.note(), t.note() == null ? null : markdown.inline(t.note()),
                t.occurrences());
    }

    private SectionView section(Section s) {
        SectionRef ref = new SectionRef(s.id(), or(s.title()), s.part() ? null : Pages.section(s.id()));
        List<NoteView> sectionNotes = new ArrayList<>();
        List<NoteRef> headingNotes = new ArrayList<>();
        for (String id : s.notes()) {
            NoteView n = note(edition.notes().get(id), sectionNotes.size() + 1, ref);
            headingNotes.add(noteRef(n));
            sectionNotes.add(n);
        }
        List<TurnView> sectionTurns = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        String previousSpeaker = null;
        for (Turn t : s.turns()) {
            boolean continues = t.speaker() != null && t.speaker().equals(previousSpeaker);
            previousSpeaker = t.speaker();
            TurnView tv = turn(t, ref, continues, sectionNotes);
            sectionTurns.add(tv);
            turns.put(t.id(), tv);
            counts.merge(t.speaker(), 1, Integer::sum);
        }
        List<SpeakerCount> speakerCounts = new ArrayList<>();
        for (NamedRef sp : speakerRefs.values()) {
            Integer c = counts.get(sp.id());
            if (c != null) {
                speakerCounts.add(new SpeakerCount(sp, c));
            }
        }
        return new SectionView(s.id(), ref.title(), s.part(), s.level(), ref.url(), s.omittedImages(), List.copyOf(headingNotes),
                List.copyOf(sectionTurns), List.copyOf(sectionNotes), List.copyOf(speakerCounts), sectionTurns.size());
    }

    private TurnView turn(Turn t, SectionRef section, boolean continues, List<NoteView> sectionNotes) {
        Map<String, NoteRef> turnNotes = new LinkedHashMap<>();
        for (Mark mark : t.notes()) {
            NoteView n = note(edition.notes().get(mark.id()), sectionNotes.size() + 1, section);
            turnNotes.put(mark.id(), noteRef(n));
            sectionNotes.add(n);
        }
        InterventionView intervention = null;
        if (!t.interventions().isEmpty()) {
            Intervention iv = t.interventions().get(0);
            intervention = new InterventionView(iv.kind().name().toLowerCase(Locale.ROOT),
                    iv.sourceSpeaker() != null && !iv.sourceSpeaker().equals(t.speaker()),
                    speakerRefs.get(iv.sourceSpeaker()), iv.reason(), markdown.inline(iv.reason()));
        }
        String url = Pages.section(section.id()) + "#" + t.id();
        return new TurnView(t.id(), t.number(), url, time(t.time()), citations.turn(t.number(), url),
                Pages.CITE + "#cite-" + t.id(), section, speakerRefs.get(t.speaker()),
                t.zh(), t.en(), t.pending(), continues, pieces(t, turnNotes), List.copyOf(turnNotes.values()),
                t.topics().stream().map(topicRefs::get).toList(), intervention);
    }

    /**
     * Cuts the Chinese into pieces so the template can mark glossary terms and put note markers
     * right after the phrase each note quotes. A marker that would fall inside a term moves to its end.
     */
    private List<PieceView> pieces(Turn t, Map<String, NoteRef> turnNotes) {
        String text = t.zh();
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(0);
        cuts.add(text.length());
        for (Mark term : t.terms()) {
            cuts.add(term.start());
            cuts.add(term.end());
        }
        Map<Integer, List<NoteRef>> notesAt = new LinkedHashMap<>();
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
        List<PieceView> out = new ArrayList<>();
        Integer prev = null;
        for (int cut : cuts) {
            if (prev != null && cut > prev) {
                TermRef term = null;
                for (Mark m : t.terms()) {
                    if (m.start() <= prev && cut <= m.end()) {
                        term = termRefs.get(m.id());
                    }
                }
                out.add(new PieceView(text.substring(prev, cut), term, List.copyOf(notesAt.getOrDefault(cut, List.of()))));
            } else if (prev == null && notesAt.containsKey(0)) {
                out.add(new PieceView("", null, List.copyOf(notesAt.get(0))));
            }
            prev = cut;
        }
        return List.copyOf(out);
    }

    /** The view of a note, made where it is first met (its number counts the notes met before it in the section, plus one). */
    private NoteView note(Note n, int number, SectionRef s) {
        return notes.computeIfAbsent(n.id(), id -> new NoteView(id, number, n.kind().id(), n.quote(), n.markdown(),
                markdown.block(n.markdown()), n.turn(), n.sources().stream().map(SiteViews::work).toList(), s, Pages.section(s.id()) + "#note-" + id,
                Pages.section(s.id()) + "#" + (n.turn() != null ? n.turn() : "top")));
    }

    private static WorkView work(SourceDef d) {
        return new WorkView(d.title(), d.author(), d.publisher(), d.date(), d.url());
    }

    /**
     * The link to a moment of the recording: YouTube takes a {@code t=} parameter in seconds, any other
     * address a media fragment ({@code #t=}), which players of audio and video files understand.
     */
    private TimeView time(Timestamp t) {
        Recording r = edition.meta().recording();
        if (t == null || r == null) {
            return null;
        }
        String url = r.url().contains("#") ? r.url().substring(0, r.url().indexOf('#')) : r.url();
        String host = URI.create(url).getHost().toLowerCase(Locale.ROOT);
        boolean youtube = host.equals("youtu.be") || host.equals("youtube.com") || host.endsWith(".youtube.com");
        String link = url + (!youtube ? "#" : url.contains("?") ? "&" : "?") + "t=" + t.seconds();
        return new TimeView(t.text(), t.seconds(), link);
    }

    private static <T> List<T> newestFirst(List<T> oldestFirst) {
        List<T> out = new ArrayList<>(oldestFirst);
        Collections.reverse(out);
        return List.copyOf(out);
    }

    /**
     * The index of names: the notes about people, organisations, products and events, each with its own
     * turn and every turn whose Chinese holds the phrase the note quotes (the site's list) or also the
     * name the note explains (the EPUB's).
     */
    private static final List<NoteKind> NAME_KINDS = List.of(NoteKind.PERSON, NoteKind.ORGANISATION, NoteKind.PRODUCT, NoteKind.EVENT);

    /**
     * The index of names: each note about a person, organisation, product or event, with the turns that
     * quote it (its quote is in them, or it is anchored there) and the turns that name it (those, and
     * the turns its first bold words are in). Every turn is read once for all the notes' phrases.
     */
    private List<NameGroup> names() {
        List<NoteView> named = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> phrases = new ArrayList<>(); // note i: its quote at 2i, its name at 2i + 1
        for (NoteView n : notes.values()) {
            if (NAME_KINDS.stream().anyMatch(k -> n.kind().equals(k.id()))) {
                Matcher bold = BOLD.matcher(n.markdown());
                String name = bold.find() ? bold.group(1).strip() : null;
                named.add(n);
                names.add(name);
                phrases.add(n.quote());
                phrases.add(name == null ? "" : name);
            }
        }
        Map<String, List<Integer>> anchoredAt = new HashMap<>();
        List<Integer> everywhere = new ArrayList<>(); // an empty quote or name is in every text
        List<List<TurnRef>> quoted = new ArrayList<>();
        List<List<TurnRef>> naming = new ArrayList<>();
        for (int i = 0; i < named.size(); i++) {
            anchoredAt.computeIfAbsent(named.get(i).turn(), t -> new ArrayList<>()).add(i);
            if (named.get(i).quote().isEmpty() || "".equals(names.get(i))) {
                everywhere.add(i);
            }
            quoted.add(new ArrayList<>());
            naming.add(new ArrayList<>());
        }
        PhraseMatcher matcher = new PhraseMatcher(phrases);
        for (TurnView t : turns.values()) {
            BitSet hits = new BitSet(phrases.size());
            matcher.scan(t.zh(), (phrase, start) -> hits.set(phrase));
            Set<Integer> candidates = new TreeSet<>(everywhere);
            candidates.addAll(anchoredAt.getOrDefault(t.id(), List.of()));
            hits.stream().forEach(phrase -> candidates.add(phrase / 2));
            TurnRef ref = new TurnRef(t.id(), t.number(), t.section(), t.url());
            for (int i : candidates) {
                String name = names.get(i);
                if (t.id().equals(named.get(i).turn()) || hits.get(2 * i) || named.get(i).quote().isEmpty()) {
                    quoted.get(i).add(ref);
                    naming.get(i).add(ref);
                } else if (name != null && (hits.get(2 * i + 1) || name.isEmpty())) {
                    naming.get(i).add(ref);
                }
            }
        }
        List<NameGroup> out = new ArrayList<>();
        for (NoteKind k : NAME_KINDS) {
            List<NameEntry> entries = new ArrayList<>();
            for (int i = 0; i < named.size(); i++) {
                NoteView n = named.get(i);
                if (n.kind().equals(k.id())) {
                    entries.add(new NameEntry(names.get(i) == null ? n.quote() : names.get(i), n, List.copyOf(quoted.get(i)),
                            List.copyOf(naming.get(i))));
                }
            }
            if (!entries.isEmpty()) {
                // by the name as quoted, Latin letters without regard to case: the same order in any locale
                entries.sort(Comparator.comparing((NameEntry e) -> e.note().quote().toLowerCase(Locale.ROOT))
                        .thenComparing(e -> e.note().id()));
                out.add(new NameGroup(k.id(), List.copyOf(entries)));
            }
        }
        return List.copyOf(out);
    }

    private static NoteRef noteRef(NoteView n) {
        return new NoteRef(n.id(), n.number(), n.kind(), n.url());
    }

    private static SectionRef ref(SectionView s) {
        return new SectionRef(s.id(), s.title(), s.url());
    }

    private List<KindGroup> notesByKind() {
        List<KindGroup> out = new ArrayList<>();
        for (NoteKind k : NoteKind.values()) {
            List<NoteView> list = notes.values().stream().filter(n -> n.kind().equals(k.id())).toList();
            if (!list.isEmpty()) {
                out.add(new KindGroup(k.id(), list));
            }
        }
        return List.copyOf(out);
    }

    private List<TocGroup> toc() {
        List<TocGroup> groups = new ArrayList<>();
        Bilingual part = null;
        List<TocEntry> entries = null;
        for (SectionView s : sections) {
            if (s.part() || entries == null) {
                if (entries != null) {
                    groups.add(new TocGroup(part, List.copyOf(entries)));
                }
                part = s.part() ? s.title() : null;
                entries = new ArrayList<>();
            }
            if (!s.part()) {
                entries.add(new TocEntry(s.id(), s.title(), s.url(), s.turnCount()));
            }
        }
        if (entries != null) {
            groups.add(new TocGroup(part, List.copyOf(entries)));
        }
        return List.copyOf(groups);
    }

    private static Bilingual or(Bilingual b) {
        return b == null ? NONE : b;
    }
}
