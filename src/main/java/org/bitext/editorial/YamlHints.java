package org.bitext.editorial;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bitext.diag.Diagnostics;
import org.bitext.diag.Position;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * What to do about the common YAML mistakes of someone who does not write YAML every day: one line
 * added to SnakeYAML's error, and a warning where YAML quietly reads less than was written.
 */
final class YamlHints {
    /** A key and its value on one line, as in {@code en: text} or {@code - at: text}. */
    private static final Pattern KEY_VALUE = Pattern.compile("^\\s*(?:-\\s+)?[A-Za-z_]+:\\s+(\\S.*)$");
    /** The keys whose values are prose, where a {@code #} is likely meant as text. */
    private static final Set<String> TEXT_KEYS = Set.of("en", "zh", "text", "reason", "about", "note");

    private YamlHints() {
    }

    /** One line saying what to do about a syntax error, or null when there is nothing better to say. */
    static String hint(MarkedYAMLException e, String yaml) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        Mark m = e.getProblemMark();
        String[] lines = yaml.split("\\R", -1);
        String line = m == null || m.getLine() >= lines.length ? "" : lines[m.getLine()];
        if (problem.contains("'\\t'") || problem.contains("\\t(TAB)")) {
            return "replace the tab with spaces: YAML counts indentation in spaces only";
        }
        Matcher kv = KEY_VALUE.matcher(line);
        String value = kv.matches() ? kv.group(1) : "";
        if (value.startsWith("\"") && closingQuote(value) > 0 && !value.substring(closingQuote(value) + 1).isBlank()) {
            return "a \" inside a value in double quotes ends it: write it as \\\" or put the value in single quotes";
        }
        if (!value.isEmpty() && "*&!@`".indexOf(value.charAt(0)) >= 0) {
            return "a value that starts with " + value.charAt(0) + " must be quoted: write '" + value.replace("'", "''") + "'";
        }
        if (problem.startsWith("mapping values are not allowed") || problem.contains("but got :")) {
            return "a ': ' inside a value looks like a new key to YAML: put the whole value in quotes";
        }
        return null;
    }

    /** Where the double-quoted value {@code value} (starting with its quote) ends, or -1. */
    private static int closingQuote(String value) {
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Warns where YAML read less than was written: an unquoted text cut at a {@code #} (the rest is a
     * comment to YAML), or a text starting with {@code &} or {@code !} (read as an anchor or a tag and
     * dropped).
     */
    static void warnings(String file, Node root, String yaml, Diagnostics diags) {
        walk(file, root, lines(yaml), diags);
    }

    /** Whether YAML ends a line at {@code c} (its marks count lines this way). */
    static boolean isBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** The lines of {@code yaml}, split where YAML breaks lines (so that they match its marks). */
    private static String[] lines(String yaml) {
        char[] text = yaml.toCharArray(); // see EditorialReader.withoutTrailingBlanks
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length; i++) {
            char c = text[i];
            if (isBreak(c)) {
                lines.add(yaml.substring(start, i));
                if (c == '\r' && i + 1 < text.length && text[i + 1] == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(yaml.substring(start));
        return lines.toArray(new String[0]);
    }

    private static void walk(String file, Node node, String[] lines, Diagnostics diags) {
        if (node instanceof SequenceNode list) {
            for (Node item : list.getValue()) {
                walk(file, item, lines, diags);
            }
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple t : mapping.getValue()) {
                Node v = t.getValueNode();
                if (t.getKeyNode() instanceof ScalarNode k && TEXT_KEYS.contains(k.getValue())
                        && v instanceof ScalarNode s && s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN) {
                    check(file, s, lines, diags);
                }
                walk(file, v, lines, diags);
            }
        }
    }

    private static void check(String file, ScalarNode s, String[] lines, Diagnostics diags) {
        Mark start = s.getStartMark();
        Mark end = s.getEndMark();
        if (start == null || end == null || end.getLine() >= lines.length) {
            return;
        }
        String line = lines[end.getLine()];
        String rest = end.getColumn() <= line.length() ? line.substring(end.getColumn()) : "";
        if (rest.matches("[ \\t]+#.*")) {
            diags.warning(new Position(file, end.getLine() + 1, end.getColumn() + rest.indexOf('#') + 1),
                    "the text after ' #' is a YAML comment and is left out of the value; "
                            + "put the whole value in quotes to keep it");
        }
        String startLine = start.getLine() < lines.length ? lines[start.getLine()] : "";
        Matcher kv = KEY_VALUE.matcher(startLine);
        if (kv.matches() && (kv.group(1).startsWith("&") || kv.group(1).startsWith("!"))) {
            diags.warning(new Position(file, start.getLine() + 1, kv.start(1) + 1), "a value that starts with "
                    + kv.group(1).charAt(0) + " loses its first word to YAML; put the whole value in quotes");
        }
    }
}
