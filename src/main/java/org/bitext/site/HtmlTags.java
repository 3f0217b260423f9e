package org.bitext.site;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
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
 * dropped. Reads from a {@link Reader}, holding only a small window of the text.
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

    private final Reader in;
    private final char[] buf = new char[1 << 14];
    private int pos;
    private int end;
    private boolean eof;
    private final StringBuilder sb = new StringBuilder();

    private HtmlTags(Reader in) {
        this.in = in;
    }

    /** Reads all of {@code html}, telling {@code visitor} of each start tag. */
    static void scan(Reader html, Visitor visitor) throws IOException {
        new HtmlTags(html).run(visitor);
    }

    /** Makes at least {@code n} characters available from pos, if the text has them. */
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

    /** The next character, or -1 at the end. */
    private int next() throws IOException {
        return pos < end || have(1) ? buf[pos++] : -1;
    }

    private int peek() throws IOException {
        return pos < end || have(1) ? buf[pos] : -1;
    }

    /** True, and consumed, if the text goes on with {@code s} (ASCII letters compared without case). */
    private boolean consume(String s, boolean ignoreCase) throws IOException {
        if (!have(s.length())) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = buf[pos + i];
            char want = s.charAt(i);
            if (c != want && !(ignoreCase && lower(c) == want)) {
                return false;
            }
        }
        pos += s.length();
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    private static boolean space(int c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
    }

    private static boolean alpha(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Skips past the next {@code >} (a bogus comment, a doctype). */
    private void skipPast(char stop) throws IOException {
        int c;
        do {
            c = next();
        } while (c != stop && c != -1);
    }

    private void run(Visitor visitor) throws IOException {
        int c;
        while ((c = next()) != -1) {
            if (c != '<') {
                continue;
            }
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
                    tag(); // an end tag: its attributes are read only to find where it ends
                } else if (e == '>') {
                    pos++;
                } else if (e != -1) {
                    skipPast('>');
                }
            } else if (d == '?') {
                skipPast('>');
            } else if (alpha(d)) {
                Tag t = tag();
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
        int c;
        while ((c = next()) != -1) {
            if (c == '<' && consume("/" + name, true)) {
                int e = peek();
                if (space(e) || e == '/' || e == '>') {
                    tag(); // the end tag itself
                    return;
                }
            }
        }
    }

    private record Tag(String name, List<String> attributes) {
    }

    /** Reads a tag from its name to its ">"; null if the text ends first. */
    private Tag tag() throws IOException {
        sb.setLength(0);
        int c;
        while ((c = next()) != -1 && !space(c) && c != '/' && c != '>') {
            sb.append(lower((char) c));
        }
        String name = sb.indexOf("\0") < 0 ? sb.toString() : sb.toString().replace('\0', '\uFFFD');
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
            sb.setLength(0);
            sb.append(lower((char) c));
            while ((c = next()) != -1 && !space(c) && c != '/' && c != '>' && c != '=') {
                sb.append(lower((char) c));
            }
            String attr = sb.toString();
            while (space(c)) {
                c = next();
            }
            String value = "";
            if (c == '=') {
                c = next();
                while (space(c)) {
                    c = next();
                }
                sb.setLength(0);
                if (c == '"' || c == '\'') {
                    int quote = c;
                    while ((c = next()) != quote && c != -1) {
                        sb.append((char) c);
                    }
                    c = c == -1 ? -1 : next();
                } else {
                    while (c != -1 && !space(c) && c != '>') {
                        sb.append((char) c);
                        c = next();
                    }
                }
                value = sb.indexOf("&") >= 0 ? Parser.unescapeEntities(sb.toString(), true) : sb.toString();
            }
            if (attributes.isEmpty()) {
                attributes = new ArrayList<>(8);
            }
            if (get(attributes, attr) == null) {
                attributes.add(attr);
                attributes.add(value);
            }
        }
        return new Tag(name, attributes);
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
