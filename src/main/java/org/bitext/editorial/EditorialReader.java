package org.bitext.editorial;

import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.bitext.diag.Diagnostics;
import org.bitext.diag.Position;
import org.bitext.input.Limits;
import org.bitext.input.SourceFile;
import org.bitext.input.SourceFiles;
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
    /** The keys each mapping accepts, by its name in docs/edition.schema.json ("top" for the file itself). */
    public static Map<String, Set<String>> allowedKeys() {
        return Map.ofEntries(Map.entry("top", LayerReader.TOP), Map.entry("edition", LayerReader.EDITION),
                Map.entry("source", LayerReader.SOURCE), Map.entry("speaker", LayerReader.SPEAKER),
                Map.entry("section", LayerReader.SECTION), Map.entry("turn", LayerReader.TURN),
                Map.entry("split", LayerReader.SPLIT), Map.entry("note", LayerReader.NOTE),
                Map.entry("glossaryEntry", LayerReader.GLOSS), Map.entry("topic", LayerReader.TOPIC),
                Map.entry("recording", LayerReader.RECORDING), Map.entry("revision", LayerReader.REVISION),
                Map.entry("noteSource", LayerReader.NOTE_SOURCE));
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
            diags.error(MappingReader.pos(file, m), yamlMessage(e, yaml), YamlHints.hint(e, yaml));
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
            diags.error(refusalPosition(file, yaml, Limits.MAX_YAML_ALIASES + 1), refusalMessage("Number of aliases"),
                    "write the values out instead of aliasing them");
            return null;
        }
        YamlHints.warnings(file, root, yaml, diags);
        return new LayerReader(file, diags).layer(root);
    }

    /**
     * {@code yaml} without the spaces and tabs that end its lines (the same string when there are none).
     * This scan, and the others of the whole text, go through a copy of its characters: far quicker than
     * charAt before the JIT has compiled them, which a one-off build never waits for.
     */
    static String withoutTrailingBlanks(String yaml) {
        char[] text = yaml.toCharArray();
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < text.length; i++) {
            boolean lineEnd = YamlHints.isBreak(text[i]);
            if (i + 1 == text.length && !lineEnd) {
                i++; // the last line, without a line break
            } else if (!lineEnd) {
                continue;
            }
            int blanks = i;
            while (blanks > copied && (text[blanks - 1] == ' ' || text[blanks - 1] == '\t')) {
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
        char[] text = yaml.toCharArray();
        int line = 1;
        int start = 0;
        for (int i = 0; i < text.length; i++) {
            char c = text[i];
            if (c == '\n' || c == '\r') {
                line += c == '\r' && i + 1 < text.length && text[i + 1] == '\n' ? 0 : 1;
                start = i + 1;
            } else if (i - start == Limits.MAX_YAML_LINE_CHARS) {
                return new Position(file, line, i - start + 1);
            }
        }
        return null;
    }

    /**
     * How often the nodes under {@code node} are used again: once for each alias (*name) read. Only a
     * node with an anchor (&name) can be met again, so only those are remembered.
     */
    private static int reuses(Node node, Set<Node> seen) {
        if (node.getAnchor() != null && !seen.add(node)) {
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
        return MappingReader.pos(file, last);
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

    /**
     * Why {@code s} cannot be the address the site is published at, or null when it can: an http(s) URL
     * with a host that {@link URI} accepts too (the site renderer takes it apart), to which page paths
     * can be added, and nothing in it that should not be published.
     */
    public static String baseUrlProblem(String s) {
        URI uri = MappingReader.httpUri(s, "https?://[^\\s/]+(/[^\\s]*)?");
        if (uri == null) {
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
}
