package org.bitext.editorial;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bitext.diag.Diagnostics;
import org.bitext.diag.Position;
import org.bitext.input.Limits;
import org.bitext.input.SourceFiles;
import org.bitext.text.Bilingual;
import org.bitext.text.Texts;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one YAML mapping strictly: only the keys it declares, no duplicates, every value of the
 * expected shape. Problems go to the diagnostics with the position of the offending node; reading
 * goes on so that one run reports everything.
 */
final class MappingReader {
    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern PARTIAL_DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
    private static final Pattern TIME = Pattern.compile("(?:(\\d{1,2}):)?([0-5]?\\d):([0-5]\\d)");
    private final String file;
    private final Diagnostics diags;
    private final String what;
    private final Node node;
    private final Map<String, Node> values = new LinkedHashMap<>();
    private final Map<String, Node> keys = new LinkedHashMap<>();

    private MappingReader(String file, Diagnostics diags, String what, Node node, Set<String> allowed) {
        this.file = file;
        this.diags = diags;
        this.what = what;
        this.node = node;
        if (!(node instanceof MappingNode mapping)) {
            return;
        }
        for (NodeTuple t : mapping.getValue()) {
            String key = scalar(t.getKeyNode());
            if (key == null) {
                diags.error(pos(file, t.getKeyNode()), what + ": keys must be plain text");
                continue;
            }
            if (!allowed.contains(key)) {
                diags.error(pos(file, t.getKeyNode()), "unknown key '" + key + "' in " + what
                        + Texts.didYouMean(key, allowed),
                        "allowed keys: " + String.join(", ", allowed.stream().sorted().toList()));
                continue;
            }
            if (values.containsKey(key)) {
                diags.error(pos(file, t.getKeyNode()), "duplicate key '" + key + "' in " + what
                        + " (first at line " + pos(file, keys.get(key)).line() + ")");
                continue;
            }
            keys.put(key, t.getKeyNode());
            values.put(key, t.getValueNode());
        }
    }

    /** A reader for {@code node}, or null (with an error) when it is not a mapping. */
    static MappingReader of(String file, Diagnostics diags, String what, Node node, Set<String> allowed) {
        if (!(node instanceof MappingNode)) {
            diags.error(pos(file, node), what + " must be a mapping (key: value lines), found " + describe(node));
            return null;
        }
        return new MappingReader(file, diags, what, node, allowed);
    }

    Position position() {
        return pos(file, node);
    }

    Position positionOf(String key) {
        Node v = values.get(key);
        return v == null ? position() : pos(file, v);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    Node raw(String key) {
        return values.get(key);
    }

    /** The value of {@code key}; null when absent (an error when required). */
    private Node value(String key, boolean required) {
        Node v = values.get(key);
        if (v == null && required) {
            diags.error(position(), what + " is missing required key '" + key + "'");
        }
        return v;
    }

    /**
     * A string value; null when absent (an error when required), of the wrong type, or holding a
     * character no text may hold (a NUL, half a surrogate pair: YAML escapes can write them).
     */
    String string(String key, boolean required) {
        Node v = value(key, required);
        if (v == null) {
            return null;
        }
        String s = text(v);
        if (s == null) {
            diags.error(pos(file, v), "'" + key + "' in " + what + " must be text, found " + describe(v));
            return null;
        }
        if (required && s.isBlank()) {
            diags.error(pos(file, v), "'" + key + "' in " + what + " must not be empty"
                    + (isNull(v) && !scalar(v).isEmpty() ? " ('" + scalar(v) + "' is YAML for nothing; quote it to mean the text)" : ""));
            return null;
        }
        return allowed(s, v, "'" + key + "' in " + what) ? s : null;
    }

    /** False, with an error at the value, when {@code s} holds a character no text may hold. */
    private boolean allowed(String s, Node v, String where) {
        int bad = SourceFiles.forbiddenAt(s);
        if (bad >= 0) {
            diags.error(pos(file, v), where + " holds the character " + SourceFiles.describe(s.codePointAt(bad))
                    + ", which a text may not hold");
        }
        return bad < 0;
    }

    boolean bool(String key) {
        Node v = values.get(key);
        if (v == null) {
            return false;
        }
        String s = scalar(v);
        if (!"true".equals(s) && !"false".equals(s)) {
            diags.error(pos(file, v), "'" + key + "' in " + what + " must be true or false, found " + describe(v));
            return false;
        }
        return "true".equals(s);
    }

    /** An id value that must be a lowercase slug (so it is safe in a file name and a URL). */
    String slug(String key, boolean required) {
        String s = string(key, required);
        String problem = s == null ? null : notSlug(s);
        if (problem != null) {
            diags.error(positionOf(key), "'" + key + "' in " + what + " " + problem + ", found '" + Texts.clip(s, 40) + "'");
            return null;
        }
        return s;
    }

    /** Why {@code id} cannot be an id, or null when it can. */
    static String notSlug(String id) {
        if (id.length() > Limits.MAX_SLUG_LENGTH) {
            return "is " + id.length() + " characters long; an id may have at most " + Limits.MAX_SLUG_LENGTH;
        }
        return Texts.isSlug(id) ? null : "must be a lowercase slug (a-z, 0-9, '-')";
    }

    /** A {zh, en} mapping; null when absent. */
    Bilingual bilingual(String key, boolean required, boolean bothRequired) {
        Node v = value(key, required);
        MappingReader r = v == null ? null : of(file, diags, "'" + key + "' of " + what, v, Set.of("zh", "en"));
        if (r == null) {
            return null;
        }
        return new Bilingual(r.string("zh", bothRequired), r.string("en", bothRequired));
    }

    /**
     * A date: "YYYY-MM-DD", or (when {@code partial}) also "YYYY" or "YYYY-MM"; a day that is not in
     * the calendar is refused too. Null when absent or refused (with an error at the value).
     */
    String date(String key, boolean required, boolean partial) {
        String s = string(key, required);
        if (s == null) {
            return null;
        }
        String d = s.trim();
        Matcher m = (partial ? PARTIAL_DATE : DAY).matcher(d);
        boolean valid = m.matches();
        try {
            if (valid && m.group(3) != null) {
                LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } else if (valid && m.group(2) != null) {
                YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
        } catch (DateTimeException e) {
            valid = false;
        }
        if (!valid) {
            diags.error(positionOf(key), "'" + key + "' in " + what + " must be a date "
                    + (partial ? "YYYY, YYYY-MM or YYYY-MM-DD" : "YYYY-MM-DD") + " that is in the calendar, found '"
                    + Texts.clip(s, 40) + "'");
            return null;
        }
        return d;
    }

    /** An absolute http(s) URL (syntax and scheme only; nothing is fetched); null when absent or refused. */
    String url(String key, boolean required) {
        String s = string(key, required);
        if (s == null) {
            return null;
        }
        String u = s.trim();
        URI uri = httpUri(u, "(?i)https?://[^\\s/?#]+[^\\s]*");
        if (uri == null) {
            diags.error(positionOf(key), "'" + key + "' in " + what + " must be an absolute http or https URL, found '"
                    + Texts.clip(s, 60) + "'");
            return null;
        }
        if (uri.getRawUserInfo() != null) {
            diags.error(positionOf(key), "'" + key + "' in " + what + " must not hold a user name or password");
            return null;
        }
        return u;
    }

    /** {@code s} as a URI with a host, when it has the shape of {@code regex}; else null. */
    static URI httpUri(String s, String regex) {
        try {
            URI uri = s.matches(regex) ? new URI(s) : null;
            return uri == null || uri.getHost() == null ? null : uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** A moment of the recording, "hh:mm:ss" or "mm:ss"; null when absent or refused. */
    Timestamp time(String key) {
        String s = string(key, false);
        if (s == null) {
            return null;
        }
        Matcher m = TIME.matcher(s.trim());
        if (!m.matches()) {
            diags.error(positionOf(key), "'" + key + "' in " + what + " must be a time hh:mm:ss or mm:ss, found '"
                    + Texts.clip(s, 40) + "'");
            return null;
        }
        int hours = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        return new Timestamp(hours * 3600 + Integer.parseInt(m.group(2)) * 60 + Integer.parseInt(m.group(3)), positionOf(key));
    }

    /** The items of a list value; empty when absent or not a list (with an error). */
    List<Node> list(String key) {
        Node v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof SequenceNode seq)) {
            diags.error(pos(file, v), "'" + key + "' in " + what + " must be a list, found " + describe(v));
            return List.of();
        }
        return seq.getValue();
    }

    /** A list of strings, each with its position. */
    List<Quote> stringList(String key) {
        List<Quote> out = new ArrayList<>();
        Node v = values.get(key);
        String single = v == null ? null : text(v);
        if (single != null && !single.isBlank()) {
            // reported as not a list, but read as a list of one so later stages do not report it again
            list(key);
            out.add(Quote.of(single, pos(file, v)));
            return out;
        }
        for (Node item : list(key)) {
            String s = text(item);
            if (s == null || s.isBlank()) {
                diags.error(pos(file, item), "items of '" + key + "' in " + what + " must be non-empty text, found "
                        + describe(item));
            } else if (allowed(s, item, "an item of '" + key + "' in " + what)) {
                out.add(Quote.of(s, pos(file, item)));
            }
        }
        return out;
    }

    static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    /** A scalar value as text: YAML's null ({@code ~}, {@code null}, nothing) is the empty text, not the word. */
    private static String text(Node node) {
        return isNull(node) ? "" : scalar(node);
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL) && s.isPlain();
    }

    static Position pos(String file, Node node) {
        return pos(file, node.getStartMark());
    }

    static Position pos(String file, Mark m) {
        return m == null ? Position.of(file) : new Position(file, m.getLine() + 1, m.getColumn() + 1);
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof ScalarNode s) {
            return isNull(s) || s.getValue().isEmpty() ? "nothing" : "'" + Texts.clip(s.getValue(), 30) + "'";
        }
        return "nothing";
    }
}
