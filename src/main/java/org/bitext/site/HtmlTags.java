package org.bitext.site;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * Reads the start tags of an HTML page with their attributes, the way an HTML tokenizer splits the text
 * (WHATWG "tokenization"), and nothing else: no tree is built. That is all the link check needs (which
 * ids a page has, and what its links point at), and it reads a page several times faster than a full
 * parser, which matters when {@code serve} checks a rebuilt page after every save.
 *
 * <p>Comments, doctypes and other markup declarations are skipped; the text of {@code script},
 * {@code style}, {@code textarea}, {@code title} and the other raw-text elements is not read as markup;
 * end tags are skipped (with their quoted attributes, so a {@code >} inside quotes does not end them).
 * Tag and attribute names are lower-cased; of an attribute given twice the first counts, as in HTML.
 * Character references in attribute values are decoded. A tag cut off by the end of the text is
 * dropped.
 *
 * <p>It reads the page's UTF-8 bytes, not characters: every character the tokenizer looks for is ASCII,
 * and no byte of a multi-byte UTF-8 sequence is, so only the names and the values it hands over are
 * ever decoded. Values of attributes the caller does not ask for are skipped without being copied. A
 * page in memory is read where it lies; one in a file through a small window.
 */
final class HtmlTags {
    /** Told of every start tag in text order. */
    @FunctionalInterface
    interface Visitor {
        /** {@code attributes}: name, value, name, value… (lower-case names, each once). */
        void startTag(String name, List<String> attributes);
    }

    /** Elements whose content is text up to their end tag (script data, raw text and RCDATA alike). */
    private static final Set<String> TEXT_ONLY = Set.of("script", "style", "xmp", "iframe", "noembed", "noframes",
            "textarea", "title");

    private final InputStream in; // null: the whole text is in buf
    private final Set<String> keep; // null: every attribute
    private byte[] buf;
    private int pos;
    private int end;
    private boolean eof;
    private byte[] scratch = new byte[128];
    private int length; // of what is in scratch

    private HtmlTags(InputStream in, byte[] buf, int end, Set<String> keep) {
        this.in = in;
        this.buf = buf;
        this.end = end;
        this.eof = in == null;
        this.keep = keep;
    }

    /**
     * Reads {@code html[0..length)}, telling {@code visitor} of each start tag with the attributes named
     * in {@code keep} (all of them if null).
     */
    static void scan(byte[] html, int length, Set<String> keep, Visitor visitor) {
        try {
            new HtmlTags(null, html, length, keep).run(visitor);
        } catch (IOException e) {
            throw new AssertionError("no I/O on a text in memory", e);
        }
    }

    /** Reads all of {@code html}, as {@link #scan(byte[], int, Set, Visitor)} does. */
    static void scan(InputStream html, Set<String> keep, Visitor visitor) throws IOException {
        new HtmlTags(html, new byte[1 << 14], 0, keep).run(visitor);
    }

    /** Makes at least {@code n} bytes available from pos, if the text has them. */
    private boolean have(int n) throws IOException {
        if (end - pos >= n) {
            return true;
        }
        if (eof) {
            return false;
        }
        System.arraycopy(buf, pos, buf, 0, end - pos);
        end -= pos;
        pos = 0;
        while (end - pos < n && !eof) {
            int r = in.read(buf, end, buf.length - end);
            if (r < 0) {
                eof = true;
            } else {
                end += r;
            }
        }
        return end - pos >= n;
    }

    /** The next byte (0-255), or -1 at the end. */
    private int next() throws IOException {
        return pos < end || have(1) ? buf[pos++] & 0xFF : -1;
    }

    private int peek() throws IOException {
        return pos < end || have(1) ? buf[pos] & 0xFF : -1;
    }

    /** True, and consumed, if the text goes on with {@code s} (ASCII letters compared without case). */
    private boolean consume(String s, boolean ignoreCase) throws IOException {
        if (!have(s.length())) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            int c = buf[pos + i] & 0xFF;
            char want = s.charAt(i);
            if (c != want && !(ignoreCase && lower(c) == want)) {
                return false;
            }
        }
        pos += s.length();
        return true;
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    private static boolean space(int c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
    }

    private static boolean alpha(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Moves pos to the next {@code stop} byte (or the end) and returns false at the end. */
    private boolean seek(int stop, boolean copy) throws IOException {
        byte b = (byte) stop;
        while (true) {
            byte[] a = buf;
            int i = pos;
            int e = end;
            while (i < e && a[i] != b) {
                i++;
            }
            if (copy) {
                append(a, pos, i - pos);
            }
            pos = i;
            if (i < e) {
                return true;
            }
            if (!have(1)) {
                return false;
            }
        }
    }

    private void append(byte[] a, int from, int n) {
        if (length + n > scratch.length) {
            scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, length + n));
        }
        System.arraycopy(a, from, scratch, length, n);
        length += n;
    }

    private void append(int c) {
        if (length == scratch.length) {
            scratch = Arrays.copyOf(scratch, scratch.length * 2);
        }
        scratch[length++] = (byte) c;
    }

    private String scratchText() {
        return new String(scratch, 0, length, StandardCharsets.UTF_8);
    }

    /** Skips past the next {@code >} (a bogus comment, a doctype). */
    private void skipPast(char stop) throws IOException {
        if (seek(stop, false)) {
            pos++;
        }
    }

    private void run(Visitor visitor) throws IOException {
        while (seek('<', false)) {
            pos++;
            int d = peek();
            if (d == '!') {
                pos++;
                if (consume("--", false)) {
                    comment();
                } else {
                    skipPast('>'); // doctype, CDATA outside foreign content, or a bogus comment
                }
            } else if (d == '/') {
                pos++;
                int e = peek();
                if (alpha(e)) {
                    tag(false); // an end tag: its attributes are read only to find where it ends
                } else if (e == '>') {
                    pos++;
                } else if (e != -1) {
                    skipPast('>');
                }
            } else if (d == '?') {
                skipPast('>');
            } else if (alpha(d)) {
                Tag t = tag(true);
                if (t == null) {
                    return; // cut off by the end of the text
                }
                visitor.startTag(t.name, t.attributes);
                if (t.name.equals("plaintext")) {
                    return; // everything after it is text
                }
                if (TEXT_ONLY.contains(t.name)) {
                    skipText(t.name);
                }
            }
        }
    }

    /** After "<!--": skips to the end of the comment ("-->", "--!>", or at once for "<!-->" and "<!--->"). */
    private void comment() throws IOException {
        if (consume(">", false) || consume("->", false)) {
            return;
        }
        int dashes = 0;
        int c;
        while ((c = next()) != -1) {
            if (c == '-') {
                dashes++;
                continue;
            }
            if (c == '>' && dashes >= 2) {
                return;
            }
            if (c == '!' && dashes >= 2 && consume(">", false)) {
                return;
            }
            dashes = 0;
        }
    }

    /** Skips the text of a text-only element up to its end tag ("</name" then a space, "/" or ">"). */
    private void skipText(String name) throws IOException {
        String endTag = "/" + name;
        while (seek('<', false)) {
            pos++;
            if (consume(endTag, true)) {
                int e = peek();
                if (space(e) || e == '/' || e == '>') {
                    tag(false); // the end tag itself
                    return;
                }
            }
        }
    }

    private record Tag(String name, List<String> attributes) {
    }

    private static final Tag END_TAG = new Tag("", List.of());

    /**
     * Reads a tag from its name to its ">"; null if the text ends first. Of an end tag ({@code start}
     * false) nothing is kept: it is only read to its end.
     */
    private Tag tag(boolean start) throws IOException {
        length = 0;
        int c;
        while ((c = next()) != -1 && !space(c) && c != '/' && c != '>') {
            if (start) {
                append(lower(c));
            }
        }
        String name = start ? scratchText() : "";
        if (name.indexOf('\0') >= 0) {
            name = name.replace('\0', '\uFFFD');
        }
        List<String> attributes = List.of();
        while (c != '>') {
            if (c == -1) {
                return null;
            }
            if (space(c) || c == '/') {
                c = next();
                continue;
            }
            // an attribute name: its first character may be anything, even "="
            length = 0;
            if (start) {
                append(lower(c));
            }
            while ((c = next()) != -1 && !space(c) && c != '/' && c != '>' && c != '=') {
                if (start) {
                    append(lower(c));
                }
            }
            String attr = start ? scratchText() : null;
            boolean wanted = start && (keep == null || keep.contains(attr));
            while (space(c)) {
                c = next();
            }
            String value = "";
            if (c == '=') {
                c = next();
                while (space(c)) {
                    c = next();
                }
                length = 0;
                if (c == '"' || c == '\'') {
                    if (seek(c, wanted)) {
                        pos++; // the closing quote
                        c = next();
                    } else {
                        c = -1;
                    }
                } else {
                    while (c != -1 && !space(c) && c != '>') {
                        if (wanted) {
                            append(c);
                        }
                        c = next();
                    }
                }
                if (wanted) {
                    value = scratchText();
                    if (value.indexOf('&') >= 0) {
                        value = unescape(value);
                    }
                }
            }
            if (!wanted) {
                continue;
            }
            if (attributes.isEmpty()) {
                attributes = new ArrayList<>(8);
            }
            if (get(attributes, attr) == null) {
                attributes.add(attr);
                attributes.add(value);
            }
        }
        return start ? new Tag(name, attributes) : END_TAG;
    }

    private static final String[][] BASIC = {{"&amp;", "&"}, {"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"}, {"&#39;", "'"}};

    /**
     * Decodes the character references of an attribute value. The five that FreeMarker's escaping
     * writes are decoded here; a value with any other goes to jsoup's full HTML decoder (which is then
     * loaded, the first time only).
     */
    static String unescape(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        int i = 0;
        outer:
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c != '&') {
                sb.append(c);
                i++;
                continue;
            }
            for (String[] e : BASIC) {
                if (value.startsWith(e[0], i)) {
                    sb.append(e[1]);
                    i += e[0].length();
                    continue outer;
                }
            }
            return Parser.unescapeEntities(value, true);
        }
        return sb.toString();
    }

    /** The value of attribute {@code name}, or null. */
    static String get(List<String> attributes, String name) {
        for (int i = 0; i < attributes.size(); i += 2) {
            if (attributes.get(i).equals(name)) {
                return attributes.get(i + 1);
            }
        }
        return null;
    }
}
