package org.bitext.diag;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects every problem of a run so that one build reports them all. Knows the text of the input
 * files so that a printed diagnostic can show the offending line with a caret under the spot.
 */
public final class Diagnostics {
    /** Sources at least this long (a 1 000-turn edition.yaml is smaller) are kept deflated. */
    static final int PACK_FROM_CHARS = 1 << 20;
    private final List<Diagnostic> items = new ArrayList<>();
    // the text as UTF-8 (half the size of a String of CJK and Latin text mixed; deflated when it is
    // big), split into lines only when a diagnostic first shows one
    private final Map<String, Object> sources = new HashMap<>();

    /** Registers the text of an input file under the name diagnostics use for it. */
    public void addSource(String file, String text) {
        sources.put(file, text.length() < PACK_FROM_CHARS ? text.getBytes(StandardCharsets.UTF_8) : Packed.of(text));
    }

    /**
     * Registers an input file by its bytes, which must be valid UTF-8 (a byte order mark is dropped):
     * the same as {@link #addSource(String, String)} with their text, without encoding it again.
     */
    public void addSourceUtf8(String file, byte[] utf8) {
        int from = utf8.length >= 3 && (utf8[0] & 0xff) == 0xEF && (utf8[1] & 0xff) == 0xBB && (utf8[2] & 0xff) == 0xBF ? 3 : 0;
        // a UTF-8 byte never stands for more than one char, so fewer bytes than the limit means fewer chars
        if (utf8.length - from < PACK_FROM_CHARS) {
            sources.put(file, from == 0 ? utf8 : java.util.Arrays.copyOfRange(utf8, from, utf8.length));
        } else {
            sources.put(file, Packed.of(utf8, from));
        }
    }

    private String[] lines(String file) {
        Object source = sources.get(file);
        String text = source instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : source instanceof Packed packed ? packed.text() : null;
        if (text == null) {
            return (String[]) source;
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        sources.put(file, lines);
        return lines;
    }

    /**
     * The text of a big input file, deflated: it is kept for the whole build in case a message shows one
     * of its lines, and a 100 000-turn edition.yaml is 66 MB (13 MB deflated).
     */
    private record Packed(byte[] deflated) {
        static Packed of(String text) {
            return deflate(text.length() / 4, out -> {
                java.io.Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
                w.write(text);
                w.flush();
            });
        }

        static Packed of(byte[] utf8, int from) {
            return deflate((utf8.length - from) / 4, out -> out.write(utf8, from, utf8.length - from));
        }

        private interface Content {
            void writeTo(java.io.OutputStream out) throws java.io.IOException;
        }

        private static Packed deflate(int expected, Content content) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(expected);
            java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED);
            try (java.util.zip.DeflaterOutputStream d = new java.util.zip.DeflaterOutputStream(out, deflater, 1 << 16)) {
                content.writeTo(d);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e); // a ByteArrayOutputStream does not throw
            } finally {
                deflater.end();
            }
            return new Packed(out.toByteArray());
        }

        String text() {
            try (java.io.InputStream in = new java.util.zip.InflaterInputStream(new java.io.ByteArrayInputStream(deflated))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    public void error(Position at, String message) {
        items.add(new Diagnostic(Diagnostic.Severity.ERROR, at, message, null));
    }

    public void error(Position at, String message, String hint) {
        items.add(new Diagnostic(Diagnostic.Severity.ERROR, at, message, hint));
    }

    public void warning(Position at, String message) {
        items.add(new Diagnostic(Diagnostic.Severity.WARNING, at, message, null));
    }

    /** Reports, after those reported so far, what {@code later} collected (its sources are not taken). */
    public void addAll(Diagnostics later) {
        items.addAll(later.items);
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> all() {
        return List.copyOf(items);
    }

    public List<Diagnostic> errors() {
        return items.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
        return items.stream().filter(d -> !d.isError()).toList();
    }

    /** Diagnostics in file, line, column order (stable for equal positions). */
    public List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(items);
        copy.sort(Comparator.comparing((Diagnostic d) -> d.position().file())
                .thenComparingInt(d -> d.position().line())
                .thenComparingInt(d -> d.position().column()));
        return copy;
    }

    /**
     * Formats one diagnostic as {@code file:line:column: message}, followed by the source line and a
     * caret when the file's text is known, and the hint if there is one.
     */
    public String format(Diagnostic d) {
        StringBuilder out = new StringBuilder();
        out.append(d.position()).append(": ");
        if (!d.isError()) {
            out.append("warning: ");
        }
        out.append(d.message());
        String[] lines = lines(d.position().file());
        int line = d.position().line();
        if (lines != null && line >= 1 && line <= lines.length) {
            String text = lines[line - 1];
            String gutter = String.valueOf(line);
            out.append('\n').append(" ".repeat(4)).append(gutter).append(" | ").append(text.stripTrailing());
            out.append('\n').append(" ".repeat(4 + gutter.length())).append(" | ");
            int col = Math.max(1, d.position().column());
            // Pad with the same kind of characters so the caret lines up under wide CJK text too.
            for (int i = 0; i < col - 1 && i < text.length(); i++) {
                char c = text.charAt(i);
                out.append(c == '\t' ? '\t' : isWide(c) ? "  " : " ");
            }
            out.append('^');
        }
        if (d.hint() != null) {
            out.append('\n').append("    = ").append(d.hint());
        }
        return out.toString();
    }

    private static boolean isWide(char c) {
        Character.UnicodeBlock b = Character.UnicodeBlock.of(c);
        return b == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS
                || b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || b == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A;
    }
}
