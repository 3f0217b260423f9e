package org.bitext.editorial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.bitext.diag.Diagnostics;
import org.bitext.diag.Position;
import org.bitext.text.Bilingual;
import org.bitext.text.Texts;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** Reads the node tree of one {@code edition.yaml} into an {@link EditorialLayer}, reporting every problem. */
final class LayerReader {
    static final Set<String> TOP = Set.of("edition", "speakers", "sections", "turns", "notes", "glossary", "topics", "revisions");
    static final Set<String> EDITION = Set.of("title", "base_url", "description", "source", "introduction", "editors",
            "published", "recording");
    static final Set<String> SOURCE = Set.of("end_before");
    static final Set<String> RECORDING = Set.of("url", "title");
    static final Set<String> REVISION = Set.of("date", "summary");
    static final Set<String> NOTE_SOURCE = Set.of("title", "author", "publisher", "date", "url");
    static final Set<String> SPEAKER = Set.of("zh", "en", "labels", "before_first_label", "about");
    static final Set<String> SECTION = Set.of("at", "id", "en");
    static final Set<String> TURN = Set.of("at", "id", "en", "speaker", "reason", "split", "topics", "time");
    static final Set<String> SPLIT = Set.of("at", "id", "en", "speaker", "reason", "topics", "time");
    static final Set<String> NOTE = Set.of("id", "at", "prefix", "suffix", "kind", "text", "sources");
    static final Set<String> GLOSS = Set.of("zh", "pinyin", "en", "note");
    static final Set<String> TOPIC = Set.of("zh", "en", "description", "turns");

    private final String file;
    private final Diagnostics diags;

    LayerReader(String file, Diagnostics diags) {
        this.file = file;
        this.diags = diags;
    }

    private MappingReader map(String what, Node node, Set<String> allowed) {
        return MappingReader.of(file, diags, what, node, allowed);
    }

    EditorialLayer layer(Node root) {
        MappingReader top = map("edition.yaml", root, TOP);
        if (top == null) {
            return null;
        }
        EditionMeta meta = edition(top);
        Map<String, SpeakerDef> speakers = new LinkedHashMap<>();
        if (top.raw("speakers") == null) {
            diags.error(top.position(), "edition.yaml is missing required key 'speakers'");
        } else {
            speakers(top.raw("speakers"), speakers);
        }
        List<SectionDef> sections = items(top.list("sections"), this::section);
        List<TurnDef> turns = items(top.list("turns"), n -> turn(n, speakers));
        List<NoteDef> notes = items(top.list("notes"), this::note);
        List<GlossaryEntry> glossary = items(top.list("glossary"), this::glossaryEntry);
        List<TopicDef> topics = new ArrayList<>();
        if (top.raw("topics") != null) {
            entries("topics", "topic", top.raw("topics"), (id, idPos, value) -> {
                MappingReader r = map("topic '" + id + "'", value, TOPIC);
                if (r != null) {
                    topics.add(new TopicDef(id, new Bilingual(r.string("zh", true), r.string("en", true)),
                            r.bilingual("description", false, false), r.stringList("turns"), idPos));
                }
            });
        }
        List<RevisionDef> revisions = revisions(top);
        if (meta != null && meta.recording() == null) {
            for (TurnDef t : turns) {
                timeWithoutRecording(t.time());
                t.splits().forEach(sp -> timeWithoutRecording(sp.time()));
            }
        }
        return new EditorialLayer(file, meta, speakers, List.copyOf(sections), List.copyOf(turns), List.copyOf(notes),
                List.copyOf(glossary), List.copyOf(topics), revisions);
    }

    /** Each of {@code nodes} read by {@code read}, those it cannot read left out. */
    private static <T> List<T> items(List<Node> nodes, Function<Node, T> read) {
        List<T> out = new ArrayList<>();
        for (Node n : nodes) {
            T t = read.apply(n);
            if (t != null) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    private SectionDef section(Node n) {
        MappingReader r = map("a section entry", n, SECTION);
        return r == null ? null : new SectionDef(quote(r, "at"), r.slug("id", false), r.string("en", true), r.position());
    }

    private TurnDef turn(Node n, Map<String, SpeakerDef> speakers) {
        MappingReader r = map("a turn entry", n, TURN);
        if (r == null) {
            return null;
        }
        List<SplitDef> splits = items(r.list("split"), s -> {
            MappingReader sr = map("a split entry", s, SPLIT);
            return sr == null ? null : new SplitDef(quote(sr, "at"), sr.slug("id", false), speakerRef(sr, true, speakers),
                    sr.string("reason", true), sr.string("en", false), sr.stringList("topics"), sr.time("time"), sr.position());
        });
        String speaker = speakerRef(r, false, speakers);
        String reason = r.string("reason", false);
        if (speaker != null && (reason == null || reason.isBlank())) {
            diags.error(r.positionOf("speaker"), "a reassigned turn needs a 'reason' (it is shown to the reader)");
        }
        if (!r.has("speaker") && reason != null && !reason.isBlank()) {
            // a reason alone changes nothing, so the editor meant a reassignment and left out whom to
            diags.error(r.positionOf("reason"), "a turn has a 'reason' but no 'speaker'; the reason explains a reassignment",
                    "add 'speaker:' with the id of the speaker the turn belongs to, or remove 'reason'");
        }
        return new TurnDef(quote(r, "at"), r.slug("id", false), r.string("en", false), speaker, reason,
                splits, r.stringList("topics"), r.time("time"), r.position());
    }

    private NoteDef note(Node n) {
        MappingReader r = map("a note", n, NOTE);
        if (r == null) {
            return null;
        }
        Quote at = quote(r, "at");
        if (at != null) {
            at = new Quote(at.exact(), r.string("prefix", false), r.string("suffix", false), at.position());
        }
        List<SourceDef> sources = items(r.list("sources"), this::source);
        return new NoteDef(r.slug("id", true), at, kind(r), r.string("text", true), sources, r.position());
    }

    private SourceDef source(Node n) {
        MappingReader r = map("a source", n, NOTE_SOURCE);
        if (r == null) {
            return null;
        }
        String author = r.string("author", false);
        String publisher = r.string("publisher", false);
        if ((author == null || author.isBlank()) && (publisher == null || publisher.isBlank())) {
            diags.error(r.position(), "a source needs an 'author' or a 'publisher' (or both)");
        }
        return new SourceDef(r.string("title", true), blankToNull(author), blankToNull(publisher),
                r.date("date", true, true), r.url("url", false), r.position());
    }

    /** The revision history, oldest first as the file must list it. */
    private List<RevisionDef> revisions(MappingReader top) {
        List<RevisionDef> out = new ArrayList<>();
        RevisionDef previous = null;
        for (Node n : top.list("revisions")) {
            MappingReader r = map("a revision", n, REVISION);
            if (r == null) {
                continue;
            }
            String date = r.date("date", true, false);
            if (date != null && previous != null && date.compareTo(previous.date()) < 0) {
                diags.error(r.positionOf("date"), "revision dated " + date + " comes after one dated " + previous.date()
                        + " (line " + previous.position().line() + "); list revisions oldest first");
            }
            RevisionDef rev = new RevisionDef(date, r.bilingual("summary", true, true), r.positionOf("date"));
            if (date != null) {
                previous = rev;
            }
            out.add(rev);
        }
        return List.copyOf(out);
    }

    private void timeWithoutRecording(Timestamp time) {
        if (time != null) {
            diags.error(time.position(), "a 'time' points into the recording, but 'edition' has no 'recording'",
                    "add recording: {url: …, title: …} under 'edition'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private GlossaryEntry glossaryEntry(Node n) {
        MappingReader r = map("a glossary entry", n, GLOSS);
        return r == null ? null : new GlossaryEntry(r.string("zh", true), r.string("pinyin", true), r.string("en", true),
                r.string("note", false), r.position());
    }

    private EditionMeta edition(MappingReader top) {
        Node n = top.raw("edition");
        if (n == null) {
            diags.error(top.position(), "edition.yaml is missing required key 'edition'");
            return null;
        }
        MappingReader r = map("'edition'", n, EDITION);
        if (r == null) {
            return null;
        }
        String endBefore = null;
        Position endPos = r.position();
        Node src = r.raw("source");
        if (src != null) { // without it the whole transcript is the interview
            MappingReader sr = map("'source'", src, SOURCE);
            if (sr != null) {
                endBefore = sr.string("end_before", true);
                endPos = sr.positionOf("end_before");
            }
        }
        String baseUrl = r.string("base_url", false);
        String problem = baseUrl == null ? null : EditorialReader.baseUrlProblem(baseUrl);
        if (problem != null) {
            diags.error(r.positionOf("base_url"), "base_url " + problem + ", found '" + baseUrl + "'");
            baseUrl = null;
        } else if (baseUrl != null && !baseUrl.endsWith("/")) {
            baseUrl = baseUrl + "/";
        }
        List<String> editors = r.stringList("editors").stream().map(Quote::exact).map(String::trim).toList();
        return new EditionMeta(r.bilingual("title", true, true), baseUrl, r.bilingual("description", false, false),
                endBefore, endPos, r.bilingual("introduction", false, false), editors, r.date("published", false, false),
                recording(r), r.position());
    }

    private Recording recording(MappingReader edition) {
        Node n = edition.raw("recording");
        MappingReader r = n == null ? null : map("'recording'", n, RECORDING);
        if (r == null) {
            return null;
        }
        String url = r.url("url", true);
        String title = r.string("title", true);
        return url == null || title == null ? null : new Recording(url, title);
    }

    private void speakers(Node n, Map<String, SpeakerDef> out) {
        entries("speakers", "speaker", n, (id, idPos, value) -> {
            MappingReader r = map("speaker '" + id + "'", value, SPEAKER);
            if (r == null) {
                return;
            }
            List<String> labels = r.stringList("labels").stream().map(q -> Texts.normalize(q.exact())).toList();
            boolean first = r.bool("before_first_label");
            if (labels.isEmpty() && !first) {
                diags.warning(r.position(), "speaker '" + id + "' has no 'labels' and is not 'before_first_label'; "
                        + "only corrections can give it turns");
            }
            out.put(id, new SpeakerDef(id, new Bilingual(r.string("zh", true), r.string("en", true)), labels, first,
                    r.bilingual("about", false, false), idPos));
        });
    }

    /** A speaker id that must name a defined speaker; reported at the value itself. */
    private String speakerRef(MappingReader r, boolean required, Map<String, SpeakerDef> speakers) {
        String id = r.slug("speaker", required);
        if (id != null && !speakers.isEmpty() && !speakers.containsKey(id)) {
            diags.error(r.positionOf("speaker"), "unknown speaker '" + id + "'"
                    + Texts.didYouMean(id, speakers.keySet()),
                    "speakers: " + String.join(", ", speakers.keySet()));
            return null;
        }
        return id;
    }

    private NoteKind kind(MappingReader r) {
        String k = r.string("kind", true);
        if (k == null) {
            return null;
        }
        String norm = k.trim().toLowerCase(Locale.ROOT).replace("organization", "organisation");
        for (NoteKind kind : NoteKind.values()) {
            if (kind.id().equals(norm)) {
                return kind;
            }
        }
        List<String> names = Arrays.stream(NoteKind.values()).map(NoteKind::id).toList();
        diags.error(r.positionOf("kind"), "unknown note kind '" + k + "'"
                + Texts.didYouMean(norm, names),
                "kinds: " + String.join(", ", names));
        return null;
    }

    private static Quote quote(MappingReader r, String key) {
        String s = r.string(key, true);
        return s == null ? null : Quote.of(s, r.positionOf(key));
    }

    private interface EntryReader {
        void read(String id, Position idPos, Node value);
    }

    /**
     * Reads each entry of {@code what}, a mapping of id → value (ids of {@code noun}s), reporting ids
     * that are not text, repeat or are no slug.
     */
    private void entries(String what, String noun, Node node, EntryReader reader) {
        if (!(node instanceof MappingNode mapping)) {
            diags.error(MappingReader.pos(file, node), "'" + what + "' must be a mapping of id: entry, found "
                    + MappingReader.describe(node));
            return;
        }
        Map<String, Position> seen = new HashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            String id = MappingReader.scalar(t.getKeyNode());
            Position p = MappingReader.pos(file, t.getKeyNode());
            if (id == null || id.isBlank()) {
                diags.error(p, "ids in '" + what + "' must be plain text");
                continue;
            }
            Position first = seen.putIfAbsent(id, p);
            if (first != null) {
                diags.error(p, "duplicate id '" + id + "' in '" + what + "' (first at line " + first.line() + ")");
                continue;
            }
            String notSlug = MappingReader.notSlug(id);
            if (notSlug != null) {
                // read on (the build fails anyway) so that what refers to it is not also reported
                diags.error(p, noun + " id '" + Texts.clip(id, 40) + "' " + notSlug);
            }
            reader.read(id, p, t.getValueNode());
        }
    }
}
