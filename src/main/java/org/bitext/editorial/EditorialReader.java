package org.bitext.editorial;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bitext.diag.Diagnostics;
import org.bitext.diag.Position;
import org.bitext.text.Texts;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads {@code edition.yaml} into an {@link EditorialLayer}. Uses SnakeYAML's node tree (never its
 * object construction), so no YAML tag can instantiate a class, and every value keeps its mark.
 */
public final class EditorialReader {
    /** Refuses alias bombs: a handful of aliases is plenty for a hand-written file. */
    static final int MAX_ALIASES = 20;
    static final int MAX_DEPTH = 40;
    public static final int MAX_CODE_POINTS = 16 * 1024 * 1024;

    private static final Set<String> TOP = Set.of("edition", "speakers", "sections", "turns", "notes", "glossary", "topics");
    private static final Set<String> EDITION = Set.of("title", "base_url", "description", "source", "introduction");
    private static final Set<String> SOURCE = Set.of("end_before");
    private static final Set<String> SPEAKER = Set.of("zh", "en", "labels", "before_first_label", "about");
    private static final Set<String> SECTION = Set.of("at", "id", "en");
    private static final Set<String> TURN = Set.of("at", "id", "en", "speaker", "reason", "split", "topics");
    private static final Set<String> SPLIT = Set.of("at", "id", "en", "speaker", "reason", "topics");
    private static final Set<String> NOTE = Set.of("id", "at", "prefix", "suffix", "kind", "text");
    private static final Set<String> GLOSS = Set.of("zh", "pinyin", "en", "note");
    private static final Set<String> TOPIC = Set.of("zh", "en", "description", "turns");

    /** Reads the YAML text; returns null when it cannot be parsed at all (the diagnostics say why). */
    public EditorialLayer read(String file, String yaml, Diagnostics diags) {
        Node root;
        try {
            root = compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Position at = m == null ? Position.of(file) : new Position(file, m.getLine() + 1, m.getColumn() + 1);
            diags.error(at, yamlMessage(e));
            return null;
        } catch (YAMLException e) {
            diags.error(Position.of(file), "YAML refused: " + firstLine(e.getMessage()));
            return null;
        }
        if (root == null) {
            diags.error(Position.of(file), "edition.yaml is empty; it needs at least 'edition' and 'speakers'");
            return null;
        }
        return layer(file, root, diags);
    }

    private static Node compose(Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported by MappingReader with both positions
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        return new Yaml(options).compose(reader);
    }

    private static String yamlMessage(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? firstLine(e.getMessage()) : e.getProblem();
        if (problem.contains("'\\t'") || problem.contains("\\t(TAB)")) {
            return "YAML syntax error: a tab character is used for indentation; indent with spaces";
        }
        String context = e.getContext();
        return "YAML syntax error: " + problem + (context != null ? " (" + context + ")" : "");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown problem";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private EditorialLayer layer(String file, Node root, Diagnostics diags) {
        MappingReader top = MappingReader.of(file, diags, "edition.yaml", root, TOP);
        if (top == null) {
            return null;
        }
        EditionMeta meta = edition(file, top, diags);
        Map<String, SpeakerDef> speakers = speakers(file, top, diags);
        List<SectionDef> sections = new ArrayList<>();
        for (Node n : top.list("sections")) {
            MappingReader r = MappingReader.of(file, diags, "a section entry", n, SECTION);
            if (r != null) {
                sections.add(new SectionDef(quote(r, "at"), r.slug("id", false), r.string("en", true), r.position()));
            }
        }
        List<TurnDef> turns = new ArrayList<>();
        for (Node n : top.list("turns")) {
            MappingReader r = MappingReader.of(file, diags, "a turn entry", n, TURN);
            if (r == null) {
                continue;
            }
            List<SplitDef> splits = new ArrayList<>();
            for (Node s : r.list("split")) {
                MappingReader sr = MappingReader.of(file, diags, "a split entry", s, SPLIT);
                if (sr != null) {
                    splits.add(new SplitDef(quote(sr, "at"), sr.slug("id", false), speakerRef(sr, true, speakers, diags),
                            sr.string("reason", true), sr.string("en", false), sr.stringList("topics"), sr.position()));
                }
            }
            String speaker = speakerRef(r, false, speakers, diags);
            String reason = r.string("reason", false);
            if (speaker != null && (reason == null || reason.isBlank())) {
                diags.error(r.positionOf("speaker"), "a reassigned turn needs a 'reason' (it is shown to the reader)");
            }
            turns.add(new TurnDef(quote(r, "at"), r.slug("id", false), r.string("en", false), speaker, reason,
                    List.copyOf(splits), r.stringList("topics"), r.position()));
        }
        List<NoteDef> notes = new ArrayList<>();
        for (Node n : top.list("notes")) {
            MappingReader r = MappingReader.of(file, diags, "a note", n, NOTE);
            if (r == null) {
                continue;
            }
            Quote at = quote(r, "at");
            if (at != null) {
                at = new Quote(at.exact(), r.string("prefix", false), r.string("suffix", false), at.position());
            }
            notes.add(new NoteDef(r.slug("id", true), at, kind(r, diags), r.string("text", true), r.position()));
        }
        List<GlossaryEntry> glossary = new ArrayList<>();
        for (Node n : top.list("glossary")) {
            MappingReader r = MappingReader.of(file, diags, "a glossary entry", n, GLOSS);
            if (r != null) {
                glossary.add(new GlossaryEntry(r.string("zh", true), r.string("pinyin", true), r.string("en", true),
                        r.string("note", false), r.position()));
            }
        }
        List<TopicDef> topics = new ArrayList<>();
        Node topicsNode = top.raw("topics");
        if (topicsNode != null) {
            forEachEntry(file, diags, "topics", topicsNode, (id, idPos, value) -> {
                if (!Texts.isSlug(id)) {
                    diags.error(idPos, "topic id '" + Texts.clip(id, 40) + "' must be a lowercase slug (a-z, 0-9, '-')");
                    return;
                }
                MappingReader r = MappingReader.of(file, diags, "topic '" + id + "'", value, TOPIC);
                if (r != null) {
                    topics.add(new TopicDef(id, new Bilingual(r.string("zh", true), r.string("en", true)),
                            r.bilingual("description", false, false), r.stringList("turns"), idPos));
                }
            });
        }
        return new EditorialLayer(file, meta, speakers, List.copyOf(sections), List.copyOf(turns), List.copyOf(notes),
                List.copyOf(glossary), List.copyOf(topics));
    }

    private static EditionMeta edition(String file, MappingReader top, Diagnostics diags) {
        Node n = top.raw("edition");
        if (n == null) {
            diags.error(top.position(), "edition.yaml is missing required key 'edition'");
            return null;
        }
        MappingReader r = MappingReader.of(file, diags, "'edition'", n, EDITION);
        if (r == null) {
            return null;
        }
        String endBefore = null;
        Position endPos = r.position();
        Node src = r.raw("source");
        if (src == null) {
            diags.error(r.position(), "'edition' is missing required key 'source' (with 'end_before')");
        } else {
            MappingReader sr = MappingReader.of(file, diags, "'source'", src, SOURCE);
            if (sr != null) {
                endBefore = sr.string("end_before", true);
                endPos = sr.positionOf("end_before");
            }
        }
        String baseUrl = r.string("base_url", false);
        if (baseUrl != null && !baseUrl.matches("https?://[^\\s/]+(/[^\\s]*)?")) {
            diags.error(r.positionOf("base_url"), "base_url must be an absolute http(s) URL, found '" + baseUrl + "'");
            baseUrl = null;
        } else if (baseUrl != null && !baseUrl.endsWith("/")) {
            baseUrl = baseUrl + "/";
        }
        return new EditionMeta(r.bilingual("title", true, true), baseUrl, r.bilingual("description", false, false),
                endBefore, endPos, r.bilingual("introduction", false, false), r.position());
    }

    private static Map<String, SpeakerDef> speakers(String file, MappingReader top, Diagnostics diags) {
        Map<String, SpeakerDef> out = new LinkedHashMap<>();
        Node n = top.raw("speakers");
        if (n == null) {
            diags.error(top.position(), "edition.yaml is missing required key 'speakers'");
            return out;
        }
        forEachEntry(file, diags, "speakers", n, (id, idPos, value) -> {
            if (!Texts.isSlug(id)) {
                diags.error(idPos, "speaker id '" + Texts.clip(id, 40) + "' must be a lowercase slug (a-z, 0-9, '-')");
                return;
            }
            MappingReader r = MappingReader.of(file, diags, "speaker '" + id + "'", value, SPEAKER);
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
        return out;
    }

    /** A speaker id that must name a defined speaker; reported at the value itself. */
    private static String speakerRef(MappingReader r, boolean required, Map<String, SpeakerDef> speakers, Diagnostics diags) {
        String id = r.slug("speaker", required);
        if (id != null && !speakers.isEmpty() && !speakers.containsKey(id)) {
            String suggestion = Texts.suggest(id, speakers.keySet());
            diags.error(r.positionOf("speaker"), "unknown speaker '" + id + "'"
                    + (suggestion != null ? "; did you mean '" + suggestion + "'?" : ""),
                    "speakers: " + String.join(", ", speakers.keySet()));
            return null;
        }
        return id;
    }

    private static NoteKind kind(MappingReader r, Diagnostics diags) {
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
        List<String> names = java.util.Arrays.stream(NoteKind.values()).map(NoteKind::id).toList();
        String suggestion = Texts.suggest(norm, names);
        diags.error(r.positionOf("kind"), "unknown note kind '" + k + "'"
                + (suggestion != null ? "; did you mean '" + suggestion + "'?" : ""),
                "kinds: " + String.join(", ", names));
        return null;
    }

    private static Quote quote(MappingReader r, String key) {
        String s = r.string(key, true);
        return s == null ? null : Quote.of(s, r.positionOf(key));
    }

    private interface EntryVisitor {
        void visit(String id, Position idPos, Node value);
    }

    /** Visits a mapping of id → value, reporting duplicate ids. */
    private static void forEachEntry(String file, Diagnostics diags, String what, Node node, EntryVisitor visitor) {
        if (!(node instanceof MappingNode mapping)) {
            diags.error(MappingReader.pos(file, node), "'" + what + "' must be a mapping of id: entry, found "
                    + MappingReader.describe(node));
            return;
        }
        Map<String, Position> seen = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            String id = MappingReader.scalar(t.getKeyNode());
            Position p = MappingReader.pos(file, t.getKeyNode());
            if (id == null || id.isBlank()) {
                diags.error(p, "ids in '" + what + "' must be plain text");
                continue;
            }
            if (seen.containsKey(id)) {
                diags.error(p, "duplicate id '" + id + "' in '" + what + "' (first at line " + seen.get(id).line() + ")");
                continue;
            }
            seen.put(id, p);
            visitor.visit(id, p, t.getValueNode());
        }
    }
}
