package org.bitext.editorial;

import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.bitext.diag.Diagnostics;
import org.bitext.diag.Position;
import org.bitext.input.Limits;
import org.bitext.input.SourceFile;
import org.bitext.input.SourceFiles;
import org.bitext.text.Bilingual;
import org.bitext.text.Texts;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads {@code edition.yaml} into an {@link EditorialLayer}. Uses SnakeYAML's node tree (never its
 * object construction), so no YAML tag can instantiate a class, and every value keeps its mark.
 */
public final class EditorialReader {
    private static final Set<String> TOP = Set.of("edition", "speakers", "sections", "turns", "notes", "glossary", "topics", "revisions");
    private static final Set<String> EDITION = Set.of("title", "base_url", "description", "source", "introduction", "editors",
            "published", "recording");
    private static final Set<String> SOURCE = Set.of("end_before");
    private static final Set<String> RECORDING = Set.of("url", "title");
    private static final Set<String> REVISION = Set.of("date", "summary");
    private static final Set<String> NOTE_SOURCE = Set.of("title", "author", "publisher", "date", "url");
    private static final Set<String> SPEAKER = Set.of("zh", "en", "labels", "before_first_label", "about");
    private static final Set<String> SECTION = Set.of("at", "id", "en");
    private static final Set<String> TURN = Set.of("at", "id", "en", "speaker", "reason", "split", "topics", "time");
    private static final Set<String> SPLIT = Set.of("at", "id", "en", "speaker", "reason", "topics", "time");
    private static final Set<String> NOTE = Set.of("id", "at", "prefix", "suffix", "kind", "text", "sources");
    private static final Set<String> GLOSS = Set.of("zh", "pinyin", "en", "note");
    private static final Set<String> TOPIC = Set.of("zh", "en", "description", "turns");

    /** The keys each mapping accepts, by its name in docs/edition.schema.json ("top" for the file itself). */
    public static Map<String, Set<String>> allowedKeys() {
        return Map.ofEntries(Map.entry("top", TOP), Map.entry("edition", EDITION), Map.entry("source", SOURCE),
                Map.entry("speaker", SPEAKER), Map.entry("section", SECTION), Map.entry("turn", TURN),
                Map.entry("split", SPLIT), Map.entry("note", NOTE), Map.entry("glossaryEntry", GLOSS),
                Map.entry("topic", TOPIC), Map.entry("recording", RECORDING), Map.entry("revision", REVISION),
                Map.entry("noteSource", NOTE_SOURCE));
    }

    /** Reads the YAML text; returns null when it cannot be parsed at all (the diagnostics say why). */
    public EditorialLayer read(String file, String yaml, Diagnostics diags) {
        Position longLine = longLine(file, yaml);
        if (longLine != null) {
            diags.error(longLine, "this line of edition.yaml is longer than " + Limits.MAX_YAML_LINE_CHARS
                    + " characters; refused", "break it into lines");
            return null;
        }
        Node root;
        try {
            // Trailing blanks mean nothing to an editor, but a trailing tab is a YAML syntax error.
            String text = withoutTrailingBlanks(yaml);
            LoaderOptions options = loaderOptions();
            // what Yaml.compose does, without loading the object construction and dumping a Yaml brings along
            root = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options), new Resolver(), options)
                    .getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Position at = m == null ? Position.of(file) : new Position(file, m.getLine() + 1, m.getColumn() + 1);
            diags.error(at, yamlMessage(e, yaml), YamlHints.hint(e, yaml));
            return null;
        } catch (ReaderException e) {
            // a character YAML does not allow; the build refuses it when it reads the file, a caller here
            SourceFile.Refused refused = SourceFiles.forbidden(Path.of(file), yaml);
            diags.error(refused == null ? Position.of(file) : new Position(file, refused.line(), refused.column()),
                    refused == null ? "YAML refused: " + firstLine(e.getMessage()) : refused.message());
            return null;
        } catch (YAMLException e) {
            // Limits (nesting depth, size) come without a mark: find the place by reading the events again.
            String problem = firstLine(e.getMessage());
            int nth = problem.startsWith("Number of aliases") ? Limits.MAX_YAML_ALIASES + 1 : -1;
            diags.error(refusalPosition(file, yaml, nth), refusalMessage(problem));
            return null;
        }
        if (root == null) {
            diags.error(Position.of(file), "edition.yaml is empty; it needs at least 'edition' and 'speakers'");
            return null;
        }
        // SnakeYAML bounds aliases to lists and mappings only; aliases to long scalars can still
        // multiply the work of later stages, so every reuse of a node counts.
        if (reuses(root, Collections.newSetFromMap(new IdentityHashMap<>())) > Limits.MAX_YAML_ALIASES) {
            diags.error(refusalPosition(file, yaml, Limits.MAX_YAML_ALIASES + 1), "edition.yaml uses more than "
                    + Limits.MAX_YAML_ALIASES + " aliases (*name); refused to guard against alias bombs",
                    "write the values out instead of aliasing them");
            return null;
        }
        YamlHints.warnings(file, root, yaml, diags);
        return layer(file, root, diags);
    }

    /** {@code yaml} without the spaces and tabs that end its lines (the same string when there are none). */
    static String withoutTrailingBlanks(String yaml) {
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < yaml.length(); i++) {
            char c = yaml.charAt(i);
            boolean lineEnd = c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
            if (i + 1 == yaml.length() && !lineEnd) {
                i++; // the last line, without a line break
            } else if (!lineEnd) {
                continue;
            }
            int blanks = i;
            while (blanks > copied && (yaml.charAt(blanks - 1) == ' ' || yaml.charAt(blanks - 1) == '\t')) {
                blanks--;
            }
            if (blanks < i) {
                if (out == null) {
                    out = new StringBuilder(yaml.length());
                }
                out.append(yaml, copied, blanks);
                copied = i;
            }
        }
        if (out == null) {
            return yaml;
        }
        return out.append(yaml, copied, yaml.length()).toString();
    }

    /** Where the first line longer than the limit goes over it, or null. */
    private static Position longLine(String file, String yaml) {
        int line = 1;
        int start = 0;
        for (int i = 0; i < yaml.length(); i++) {
            char c = yaml.charAt(i);
            if (c == '\n' || c == '\r') {
                line += c == '\r' && i + 1 < yaml.length() && yaml.charAt(i + 1) == '\n' ? 0 : 1;
                start = i + 1;
            } else if (i - start == Limits.MAX_YAML_LINE_CHARS) {
                return new Position(file, line, i - start + 1);
            }
        }
        return null;
    }

    /** How often the nodes under {@code node} are used again: once for each alias (*name) read. */
    private static int reuses(Node node, Set<Node> seen) {
        if (!seen.add(node)) {
            return 1;
        }
        int n = 0;
        if (node instanceof SequenceNode list) {
            for (Node item : list.getValue()) {
                n += reuses(item, seen);
            }
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple t : mapping.getValue()) {
                n += reuses(t.getKeyNode(), seen) + reuses(t.getValueNode(), seen);
            }
        }
        return n;
    }

    private static String refusalMessage(String problem) {
        if (problem.startsWith("Nesting Depth exceeded")) {
            return "edition.yaml nests lists and mappings more than " + Limits.MAX_YAML_DEPTH + " levels deep; refused";
        }
        if (problem.startsWith("Number of aliases")) {
            return "edition.yaml uses more than " + Limits.MAX_YAML_ALIASES + " aliases (*name); refused to guard against alias bombs";
        }
        if (problem.contains("exceeds the limit")) {
            return "edition.yaml is longer than the limit of " + Limits.MAX_YAML_CODE_POINTS + " characters; refused";
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
            ParserImpl events = new ParserImpl(new StreamReader(new StringReader(yaml)), loaderOptions());
            for (Event ev = events.getEvent(); ev != null; ev = events.getEvent()) {
                last = ev.getStartMark();
                if (ev instanceof AliasEvent && ++aliases == nthAlias) {
                    break;
                }
                if (ev instanceof CollectionStartEvent && ++depth > Limits.MAX_YAML_DEPTH && nthAlias < 0) {
                    break;
                }
                if (ev instanceof CollectionEndEvent) {
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
        options.setMaxAliasesForCollections(Limits.MAX_YAML_ALIASES);
        options.setNestingDepthLimit(Limits.MAX_YAML_DEPTH);
        options.setCodePointLimit(Limits.MAX_YAML_CODE_POINTS);
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

    private EditorialLayer layer(String file, Node root, Diagnostics diags) {
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
        List<SectionDef> sections = items(top, "sections", n -> section(file, n, diags));
        List<TurnDef> turns = items(top, "turns", n -> turn(file, n, speakers, diags));
        List<NoteDef> notes = items(top, "notes", n -> note(file, n, diags));
        List<GlossaryEntry> glossary = items(top, "glossary", n -> glossaryEntry(file, n, diags));
        List<TopicDef> topics = new ArrayList<>();
        Node topicsNode = top.raw("topics");
        if (topicsNode != null) {
            forEachEntry(file, diags, "topics", topicsNode, topicReader(file, topics));
        }
        List<RevisionDef> revisions = revisions(file, top, diags);
        if (meta != null && meta.recording() == null) {
            for (TurnDef t : turns) {
                timeWithoutRecording(t.time(), diags);
                t.splits().forEach(sp -> timeWithoutRecording(sp.time(), diags));
            }
        }
        return new EditorialLayer(file, meta, speakers, List.copyOf(sections), List.copyOf(turns), List.copyOf(notes),
                List.copyOf(glossary), List.copyOf(topics), revisions);
    }

    /** The items of the list under {@code key}, each read by {@code read} (those it cannot read left out). */
    private static <T> List<T> items(MappingReader top, String key, Function<Node, T> read) {
        List<T> out = new ArrayList<>();
        for (Node n : top.list(key)) {
            T t = read.apply(n);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
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
                        sr.string("reason", true), sr.string("en", false), sr.stringList("topics"), sr.time("time"),
                        sr.position()));
            }
        }
        String speaker = speakerRef(r, false, speakers, diags);
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
                List.copyOf(splits), r.stringList("topics"), r.time("time"), r.position());
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
        List<SourceDef> sources = new ArrayList<>();
        for (Node s : r.list("sources")) {
            SourceDef source = source(file, s, diags);
            if (source != null) {
                sources.add(source);
            }
        }
        return new NoteDef(r.slug("id", true), at, kind(r, diags), r.string("text", true), List.copyOf(sources),
                r.position());
    }

    private static SourceDef source(String file, Node n, Diagnostics diags) {
        MappingReader r = MappingReader.of(file, diags, "a source", n, NOTE_SOURCE);
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
    private static List<RevisionDef> revisions(String file, MappingReader top, Diagnostics diags) {
        List<RevisionDef> out = new ArrayList<>();
        RevisionDef previous = null;
        for (Node n : top.list("revisions")) {
            MappingReader r = MappingReader.of(file, diags, "a revision", n, REVISION);
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

    private static void timeWithoutRecording(Timestamp time, Diagnostics diags) {
        if (time != null) {
            diags.error(time.position(), "a 'time' points into the recording, but 'edition' has no 'recording'",
                    "add recording: {url: …, title: …} under 'edition'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static GlossaryEntry glossaryEntry(String file, Node n, Diagnostics diags) {
        MappingReader r = MappingReader.of(file, diags, "a glossary entry", n, GLOSS);
        return r == null ? null : new GlossaryEntry(r.string("zh", true), r.string("pinyin", true), r.string("en", true),
                r.string("note", false), r.position());
    }

    /** Reads each entry of 'topics' into {@code out}. */
    private static EntryVisitor topicReader(String file, List<TopicDef> out) {
        return (id, idPos, value, diags) -> {
            String notSlug = MappingReader.notSlug(id);
            if (notSlug != null) {
                diags.error(idPos, "topic id '" + Texts.clip(id, 40) + "' " + notSlug);
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
        String problem = baseUrl == null ? null : baseUrlProblem(baseUrl);
        if (problem != null) {
            diags.error(r.positionOf("base_url"), "base_url " + problem + ", found '" + baseUrl + "'");
            baseUrl = null;
        } else if (baseUrl != null && !baseUrl.endsWith("/")) {
            baseUrl = baseUrl + "/";
        }
        List<String> editors = r.stringList("editors").stream().map(Quote::exact).map(String::trim).toList();
        return new EditionMeta(r.bilingual("title", true, true), baseUrl, r.bilingual("description", false, false),
                endBefore, endPos, r.bilingual("introduction", false, false), editors, r.date("published", false, false),
                recording(file, r, diags), r.position());
    }

    private static Recording recording(String file, MappingReader edition, Diagnostics diags) {
        Node n = edition.raw("recording");
        MappingReader r = n == null ? null : MappingReader.of(file, diags, "'recording'", n, RECORDING);
        if (r == null) {
            return null;
        }
        String url = r.url("url", true);
        String title = r.string("title", true);
        return url == null || title == null ? null : new Recording(url, title);
    }

    /**
     * Why {@code s} cannot be the address the site is published at, or null when it can: an http(s) URL
     * with a host that {@link URI} accepts too (the site renderer takes it apart), to which page paths
     * can be added, and nothing in it that should not be published.
     */
    public static String baseUrlProblem(String s) {
        URI uri = null;
        try {
            uri = s.matches("https?://[^\\s/]+(/[^\\s]*)?") ? new URI(s) : null;
        } catch (URISyntaxException e) {
            // not a URL: said below
        }
        if (uri == null || uri.getHost() == null) {
            return "must be an absolute http(s) URL";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not hold a user name or password (they would be published on every page)";
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
            return "has port " + uri.getPort() + ", which is not between 1 and 65535";
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "must not have a query ('?') or a fragment ('#'): page paths are added at its end";
        }
        return null;
    }

    private static Map<String, SpeakerDef> speakers(String file, Node n, Diagnostics diags) {
        Map<String, SpeakerDef> out = new LinkedHashMap<>();
        forEachEntry(file, diags, "speakers", n, (id, idPos, value, entryDiags) -> {
            String notSlug = MappingReader.notSlug(id);
            if (notSlug != null) {
                diags.error(idPos, "speaker id '" + Texts.clip(id, 40) + "' " + notSlug);
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
        List<String> names = Arrays.stream(NoteKind.values()).map(NoteKind::id).toList();
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
        private final Map<String, Position> seen = new HashMap<>();

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
}
