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
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
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
    /** As many characters as the 64 MB input limit allows: a 100 000-turn edition needs about 50 million. */
    public static final int MAX_CODE_POINTS = (int) org.bitext.Bitext.MAX_INPUT_BYTES;

    private static final java.util.regex.Pattern TRAILING_BLANKS = java.util.regex.Pattern.compile("[ \\t]+(?=\\r?$)",
            java.util.regex.Pattern.MULTILINE);
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

    /** The keys each mapping accepts, by its name in docs/edition.schema.json ("top" for the file itself). */
    public static Map<String, Set<String>> allowedKeys() {
        return Map.of("top", TOP, "edition", EDITION, "source", SOURCE, "speaker", SPEAKER, "section", SECTION,
                "turn", TURN, "split", SPLIT, "note", NOTE, "glossaryEntry", GLOSS, "topic", TOPIC);
    }

    /** Whether the long lists are read item by item while they are composed (see ItemComposer). */
    private final boolean streamItems;

    public EditorialReader() {
        this(true);
    }

    /** With {@code streamItems} false, the whole node tree is composed first (tests compare the two). */
    EditorialReader(boolean streamItems) {
        this.streamItems = streamItems;
    }

    /** Reads the YAML text; returns null when it cannot be parsed at all (the diagnostics say why). */
    public EditorialLayer read(String file, String yaml, Diagnostics diags) {
        Streamed streamed = new Streamed(file, streamItems);
        Node root;
        int aliases;
        try {
            // Trailing blanks mean nothing to an editor, but a trailing tab is a YAML syntax error.
            // Copied only when there is something to remove: for a big file the copy is as big as the text.
            java.util.regex.Matcher blanks = TRAILING_BLANKS.matcher(yaml);
            String text = mayEndLinesWithBlanks(yaml) && blanks.find() ? blanks.replaceAll("") : yaml;
            LoaderOptions options = loaderOptions();
            // what Yaml.compose does, with marks that do not keep the text (see LightMarks), and the long
            // lists read item by item while they are composed (see ItemComposer)
            LightMarks events = new LightMarks(new ParserImpl(new StreamReader(
                    new StringReader(text)), options));
            root = new ItemComposer(events, options, streamed).getSingleNode();
            aliases = events.aliases();
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Position at = m == null ? Position.of(file) : new Position(file, m.getLine() + 1, m.getColumn() + 1);
            diags.error(at, yamlMessage(e, yaml));
            return null;
        } catch (YAMLException e) {
            // Limits (nesting depth, size) come without a mark: find the place by reading the events again.
            String problem = firstLine(e.getMessage());
            int nth = problem.startsWith("Number of aliases") ? MAX_ALIASES + 1 : -1;
            diags.error(refusalPosition(file, yaml, nth), refusalMessage(problem));
            return null;
        }
        if (root == null) {
            diags.error(Position.of(file), "edition.yaml is empty; it needs at least 'edition' and 'speakers'");
            return null;
        }
        // SnakeYAML bounds aliases to lists and mappings only; aliases to long scalars can still
        // multiply the work of later stages, so every reuse of a node counts.
        if (aliases > MAX_ALIASES) {
            diags.error(refusalPosition(file, yaml, MAX_ALIASES + 1), "edition.yaml uses more than " + MAX_ALIASES
                    + " aliases (*name); refused to guard against alias bombs", "write the values out instead of aliasing them");
            return null;
        }
        return layer(file, root, diags, streamed);
    }

    /**
     * False when no line can end in a space or tab: no blank is followed by a line terminator (any that
     * the regex's {@code $} knows) or ends the text. A plain scan; on a whole file the regex takes a
     * fifth of the time of parsing it.
     */
    static boolean mayEndLinesWithBlanks(String s) {
        int n = s.length();
        if (n > 0 && (s.charAt(n - 1) == ' ' || s.charAt(n - 1) == '\t')) {
            return true;
        }
        for (int i = 0; i + 1 < n; i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t') {
                char d = s.charAt(i + 1);
                if (d == '\n' || d == '\r' || d == '\u0085' || d == '\u2028' || d == '\u2029') {
                    return true;
                }
            }
        }
        return false;
    }

    private static String refusalMessage(String problem) {
        if (problem.startsWith("Nesting Depth exceeded")) {
            return "edition.yaml nests lists and mappings more than " + MAX_DEPTH + " levels deep; refused";
        }
        if (problem.startsWith("Number of aliases")) {
            return "edition.yaml uses more than " + MAX_ALIASES + " aliases (*name); refused to guard against alias bombs";
        }
        if (problem.contains("exceeds the limit")) {
            return "edition.yaml is longer than the limit of " + MAX_CODE_POINTS + " characters; refused";
        }
        return "YAML refused: " + problem;
    }

    /**
     * Where a refused file goes wrong: the {@code nthAlias}-th alias, or (when that is -1) the first
     * list or mapping nested too deep, or else the last event read before the parser gave up.
     */
    private static Position refusalPosition(String file, String yaml, int nthAlias) {
        Mark last = null;
        int aliases = 0;
        int depth = 0;
        try {
            for (org.yaml.snakeyaml.events.Event ev : new Yaml(loaderOptions()).parse(new StringReader(yaml))) {
                last = ev.getStartMark();
                if (ev instanceof org.yaml.snakeyaml.events.AliasEvent && ++aliases == nthAlias) {
                    break;
                }
                if (ev instanceof org.yaml.snakeyaml.events.CollectionStartEvent && ++depth > MAX_DEPTH && nthAlias < 0) {
                    break;
                }
                if (ev instanceof org.yaml.snakeyaml.events.CollectionEndEvent) {
                    depth--;
                }
            }
        } catch (YAMLException | StackOverflowError e) {
            // the last mark read is the place
        }
        return last == null ? Position.of(file) : new Position(file, last.getLine() + 1, last.getColumn() + 1);
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported by MappingReader with both positions
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    private static String yamlMessage(MarkedYAMLException e, String yaml) {
        String problem = e.getProblem() == null ? firstLine(e.getMessage()) : e.getProblem();
        if (problem.contains("'\\t'") || problem.contains("\\t(TAB)")) {
            Mark m = e.getProblemMark();
            String[] lines = yaml.split("\\R", -1);
            boolean indent = m == null || m.getLine() >= lines.length
                    || lines[m.getLine()].substring(0, Math.min(m.getColumn(), lines[m.getLine()].length())).isBlank();
            return indent ? "YAML syntax error: a tab character is used for indentation; indent with spaces"
                    : "YAML syntax error: a tab character is not allowed here; use spaces";
        }
        if (problem.startsWith("expected <block end>")) {
            return "YAML syntax error: this line is indented differently from the keys above it"
                    + (e.getContextMark() != null ? " (the block that starts at line " + (e.getContextMark().getLine() + 1) + ")" : "");
        }
        if (problem.contains("found another document")) {
            return "YAML syntax error: edition.yaml must hold one YAML document, but a second one starts here";
        }
        String context = e.getContext();
        Mark cm = e.getContextMark();
        Mark pm = e.getProblemMark();
        // "while parsing a flow mapping" says little without where that mapping began
        String where = context != null && cm != null && pm != null && cm.getLine() != pm.getLine()
                ? " started at line " + (cm.getLine() + 1) + ", column " + (cm.getColumn() + 1) : "";
        return "YAML syntax error: " + problem + (context != null ? " (" + context + where + ")" : "");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown problem";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private EditorialLayer layer(String file, Node root, Diagnostics diags, Streamed streamed) {
        MappingReader top = MappingReader.of(file, diags, "edition.yaml", root, TOP);
        if (top == null) {
            return null;
        }
        EditionMeta meta = edition(file, top, diags);
        Node speakersNode = top.raw("speakers");
        if (speakersNode == null) {
            diags.error(top.position(), "edition.yaml is missing required key 'speakers'");
        }
        Map<String, SpeakerDef> speakers = speakersNode == null ? new LinkedHashMap<>() : speakers(file, speakersNode, diags);
        List<SectionDef> sections = streamed.sections.read(top, diags, n -> section(file, n, diags));
        List<TurnDef> turns = streamed.turns.read(top, diags, n -> turn(file, n, speakers, diags));
        List<NoteDef> notes = streamed.notes.read(top, diags, n -> note(file, n, diags));
        List<GlossaryEntry> glossary = streamed.glossary.read(top, diags, n -> glossaryEntry(file, n, diags));
        List<TopicDef> topics = streamed.topics.read(top, diags, () -> {
            List<TopicDef> all = new ArrayList<>();
            Node topicsNode = top.raw("topics");
            if (topicsNode != null) {
                forEachEntry(file, diags, "topics", topicsNode, topicReader(file, all));
            }
            return all;
        });
        return new EditorialLayer(file, meta, speakers, List.copyOf(sections), List.copyOf(turns), List.copyOf(notes),
                List.copyOf(glossary), List.copyOf(topics));
    }

    private static SectionDef section(String file, Node n, Diagnostics diags) {
        MappingReader r = MappingReader.of(file, diags, "a section entry", n, SECTION);
        return r == null ? null : new SectionDef(quote(r, "at"), r.slug("id", false), r.string("en", true), r.position());
    }

    private static TurnDef turn(String file, Node n, Map<String, SpeakerDef> speakers, Diagnostics diags) {
        MappingReader r = MappingReader.of(file, diags, "a turn entry", n, TURN);
        if (r == null) {
            return null;
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
        return new TurnDef(quote(r, "at"), r.slug("id", false), r.string("en", false), speaker, reason,
                List.copyOf(splits), r.stringList("topics"), r.position());
    }

    private static NoteDef note(String file, Node n, Diagnostics diags) {
        MappingReader r = MappingReader.of(file, diags, "a note", n, NOTE);
        if (r == null) {
            return null;
        }
        Quote at = quote(r, "at");
        if (at != null) {
            at = new Quote(at.exact(), r.string("prefix", false), r.string("suffix", false), at.position());
        }
        return new NoteDef(r.slug("id", true), at, kind(r, diags), r.string("text", true), r.position());
    }

    private static GlossaryEntry glossaryEntry(String file, Node n, Diagnostics diags) {
        MappingReader r = MappingReader.of(file, diags, "a glossary entry", n, GLOSS);
        return r == null ? null : new GlossaryEntry(r.string("zh", true), r.string("pinyin", true), r.string("en", true),
                r.string("note", false), r.position());
    }

    /** Reads each entry of 'topics' into {@code out}. */
    private static EntryVisitor topicReader(String file, List<TopicDef> out) {
        return (id, idPos, value, diags) -> {
            if (!Texts.isSlug(id)) {
                diags.error(idPos, "topic id '" + Texts.clip(id, 40) + "' must be a lowercase slug (a-z, 0-9, '-')");
                // read on (the build fails anyway) so that references to it are not also reported
            }
            MappingReader r = MappingReader.of(file, diags, "topic '" + id + "'", value, TOPIC);
            if (r != null) {
                out.add(new TopicDef(id, new Bilingual(r.string("zh", true), r.string("en", true)),
                        r.bilingual("description", false, false), r.stringList("turns"), idPos));
            }
        };
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
        if (src != null) { // without it the whole transcript is the interview
            MappingReader sr = MappingReader.of(file, diags, "'source'", src, SOURCE);
            if (sr != null) {
                endBefore = sr.string("end_before", true);
                endPos = sr.positionOf("end_before");
            }
        }
        String baseUrl = r.string("base_url", false);
        if (baseUrl != null && !isAbsoluteHttpUrl(baseUrl)) {
            diags.error(r.positionOf("base_url"), "base_url must be an absolute http(s) URL, found '" + baseUrl + "'");
            baseUrl = null;
        } else if (baseUrl != null && !baseUrl.endsWith("/")) {
            baseUrl = baseUrl + "/";
        }
        return new EditionMeta(r.bilingual("title", true, true), baseUrl, r.bilingual("description", false, false),
                endBefore, endPos, r.bilingual("introduction", false, false), r.position());
    }

    /** A base URL as the site uses it (ending in '/'), or null when it is not one base_url accepts (for --base-url). */
    public static String baseUrl(String s) {
        return !isAbsoluteHttpUrl(s) ? null : s.endsWith("/") ? s : s + "/";
    }

    /** An http(s) URL with a host that java.net.URI accepts too (the site renderer takes it apart). */
    private static boolean isAbsoluteHttpUrl(String s) {
        if (!s.matches("https?://[^\\s/]+(/[^\\s]*)?")) {
            return false;
        }
        try {
            return new java.net.URI(s).getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static Map<String, SpeakerDef> speakers(String file, Node n, Diagnostics diags) {
        Map<String, SpeakerDef> out = new LinkedHashMap<>();
        forEachEntry(file, diags, "speakers", n, (id, idPos, value, entryDiags) -> {
            if (!Texts.isSlug(id)) {
                diags.error(idPos, "speaker id '" + Texts.clip(id, 40) + "' must be a lowercase slug (a-z, 0-9, '-')");
                // read on (the build fails anyway) so that its labels do not also show up as unknown
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
        void visit(String id, Position idPos, Node value, Diagnostics diags);
    }

    /** Visits a mapping of id → value, reporting duplicate ids. */
    private static void forEachEntry(String file, Diagnostics diags, String what, Node node, EntryVisitor visitor) {
        if (!(node instanceof MappingNode mapping)) {
            diags.error(MappingReader.pos(file, node), "'" + what + "' must be a mapping of id: entry, found "
                    + MappingReader.describe(node));
            return;
        }
        Entries entries = new Entries(file, what, visitor);
        for (NodeTuple t : mapping.getValue()) {
            entries.visit(t.getKeyNode(), t.getValueNode(), diags);
        }
    }

    /** The entries of a mapping of id → value, one at a time, with the ids seen so far. */
    private static final class Entries {
        private final String file;
        private final String what;
        private final EntryVisitor visitor;
        private final Map<String, Position> seen = new java.util.HashMap<>();

        Entries(String file, String what, EntryVisitor visitor) {
            this.file = file;
            this.what = what;
            this.visitor = visitor;
        }

        void visit(Node key, Node value, Diagnostics diags) {
            String id = MappingReader.scalar(key);
            Position p = MappingReader.pos(file, key);
            if (id == null || id.isBlank()) {
                diags.error(p, "ids in '" + what + "' must be plain text");
                return;
            }
            if (seen.containsKey(id)) {
                diags.error(p, "duplicate id '" + id + "' in '" + what + "' (first at line " + seen.get(id).line() + ")");
                return;
            }
            seen.put(id, p);
            visitor.visit(id, p, value, diags);
        }
    }

    /**
     * One long top-level value (a list, or the mapping of topics). When the composer streamed it, its
     * items were read as they came, their diagnostics kept here to be reported where the reader comes to
     * the value; otherwise the reader reads its node.
     */
    private static final class Gathered<T> {
        private final String key;
        private final List<T> items = new ArrayList<>();
        private final Diagnostics found = new Diagnostics();
        private Node placeholder;

        Gathered(String key) {
            this.key = key;
        }

        void add(T item) {
            if (item != null) {
                items.add(item);
            }
        }

        /** The items, read from the node when it was kept (as {@code whole} does), else as streamed. */
        List<T> read(MappingReader top, Diagnostics diags, java.util.function.Supplier<List<T>> whole) {
            Node v = top.raw(key);
            if (v == null || v != placeholder) {
                return whole.get();
            }
            diags.addAll(found);
            return items;
        }

        /** The items of a list value kept whole, each read by {@code read}. */
        List<T> read(MappingReader top, Diagnostics diags, java.util.function.Function<Node, T> read) {
            return read(top, diags, () -> {
                List<T> out = new ArrayList<>();
                for (Node n : top.list(key)) {
                    T t = read.apply(n);
                    if (t != null) {
                        out.add(t);
                    }
                }
                return out;
            });
        }
    }

    /** Reads the items of the long top-level values while the composer hands them on (see ItemComposer). */
    private static final class Streamed implements ItemComposer.Items {
        private final String file;
        private final boolean enabled;
        final Gathered<SectionDef> sections = new Gathered<>("sections");
        final Gathered<TurnDef> turns = new Gathered<>("turns");
        final Gathered<NoteDef> notes = new Gathered<>("notes");
        final Gathered<GlossaryEntry> glossary = new Gathered<>("glossary");
        final Gathered<TopicDef> topics = new Gathered<>("topics");
        private Entries topicEntries;
        /** The speakers, once their value is composed: a turn's speaker is checked against them. */
        private Map<String, SpeakerDef> speakers;

        Streamed(String file, boolean enabled) {
            this.file = file;
            this.enabled = enabled;
        }

        @Override
        public boolean streams(String key, boolean mapping) {
            return enabled && switch (key) {
                case "sections", "notes", "glossary" -> !mapping;
                case "turns" -> !mapping && speakers != null;
                case "topics" -> mapping;
                default -> false;
            };
        }

        @Override
        public void item(String key, Node item) {
            switch (key) {
                case "sections" -> sections.add(section(file, item, sections.found));
                case "turns" -> turns.add(turn(file, item, speakers, turns.found));
                case "notes" -> notes.add(note(file, item, notes.found));
                case "glossary" -> glossary.add(glossaryEntry(file, item, glossary.found));
                default -> throw new IllegalStateException("not a streamed list: " + key);
            }
        }

        @Override
        public void entry(String key, Node id, Node value) {
            if (topicEntries == null) {
                topicEntries = new Entries(file, "topics", topicReader(file, topics.items));
            }
            topicEntries.visit(id, value, topics.found);
        }

        @Override
        public void streamed(String key, Node placeholder) {
            switch (key) {
                case "sections" -> sections.placeholder = placeholder;
                case "turns" -> turns.placeholder = placeholder;
                case "notes" -> notes.placeholder = placeholder;
                case "glossary" -> glossary.placeholder = placeholder;
                case "topics" -> topics.placeholder = placeholder;
                default -> throw new IllegalStateException("not a streamed value: " + key);
            }
        }

        @Override
        public void value(String key, Node value) {
            if (key.equals("speakers")) {
                // the same map layer() makes of this node; its diagnostics are reported there
                speakers = speakers(file, value, new Diagnostics());
            }
        }
    }
}
