package org.bitext.diag;

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
    /** The most of a source line a message shows: a long line is cut around the column. */
    static final int SHOWN_CHARS = 200;
    private final List<Diagnostic> items = new ArrayList<>();
    private final Map<String, String> sources = new HashMap<>();
    /** The lines of a source, split when a message first shows one. */
    private final Map<String, String[]> lines = new HashMap<>();

    /** Registers the text of an input file under the name diagnostics use for it. */
    public synchronized void addSource(String file, String text) {
        sources.put(file, text);
        lines.remove(file);
    }

    private String[] lines(String file) {
        String text = sources.get(file);
        return text == null ? null : lines.computeIfAbsent(file, f -> text.split("\r\n|\r|\n", -1));
    }

    public void error(Position at, String message) {
        add(new Diagnostic(Diagnostic.Severity.ERROR, at, message, null));
    }

    public void error(Position at, String message, String hint) {
        add(new Diagnostic(Diagnostic.Severity.ERROR, at, message, hint));
    }

    public void warning(Position at, String message) {
        add(new Diagnostic(Diagnostic.Severity.WARNING, at, message, null));
    }

    /** Adds a diagnostic as it is (pages render in parallel, and each may report). */
    public synchronized void add(Diagnostic d) {
        items.add(d);
    }

    public synchronized boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public synchronized List<Diagnostic> all() {
        return List.copyOf(items);
    }

    public synchronized List<Diagnostic> errors() {
        return items.stream().filter(Diagnostic::isError).toList();
    }

    public synchronized List<Diagnostic> warnings() {
        return items.stream().filter(d -> !d.isError()).toList();
    }

    /** Diagnostics in file, line, column order (stable for equal positions). */
    public synchronized List<Diagnostic> sorted() {
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
    public synchronized String format(Diagnostic d) {
        StringBuilder out = new StringBuilder();
        out.append(d.position()).append(": ");
        if (!d.isError()) {
            out.append("warning: ");
        }
        appendVisible(out, d.message());
        String[] lines = lines(d.position().file());
        int line = d.position().line();
        if (lines != null && line >= 1 && line <= lines.length) {
            String text = lines[line - 1];
            int col = Math.min(Math.max(1, d.position().column()), text.length() + 1);
            // a long line is shown as a window around the column, so a message stays a few lines long
            int from = 0;
            int to = text.length();
            if (to > SHOWN_CHARS) {
                from = cutAt(text, Math.max(0, Math.min(col - 1 - SHOWN_CHARS / 2, to - SHOWN_CHARS)));
                to = cutAt(text, Math.min(to, from + SHOWN_CHARS));
            }
            String before = from > 0 ? "…" : "";
            String shown = before + text.substring(from, to).stripTrailing() + (to < text.length() ? "…" : "");
            String gutter = String.valueOf(line);
            out.append('\n').append(" ".repeat(4)).append(gutter).append(" | ");
            appendVisible(out, shown);
            out.append('\n').append(" ".repeat(4 + gutter.length())).append(" | ").append(before.isEmpty() ? "" : " ");
            // Pad with the same kind of characters so the caret lines up under wide CJK text too.
            for (int i = from; i < col - 1; i++) {
                char c = text.charAt(i);
                out.append(c == '\t' ? "\t" : isWide(c) ? "  " : " ");
            }
            out.append('^');
        }
        if (d.hint() != null) {
            out.append('\n').append("    = ");
            appendVisible(out, d.hint());
        }
        return out.toString();
    }

    /** Control characters (a NUL, an ESC that would restyle the terminal) are not sent as they are. */
    private static void appendVisible(StringBuilder out, String s) {
        s.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) && c != '\t' ? 0xFFFD : c));
    }

    /** {@code i}, or one less so that a cut does not fall inside a surrogate pair. */
    private static int cutAt(String s, int i) {
        return i > 0 && i < s.length() && Character.isLowSurrogate(s.charAt(i)) ? i - 1 : i;
    }

    private static boolean isWide(char c) {
        Character.UnicodeBlock b = Character.UnicodeBlock.of(c);
        return b == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS
                || b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || b == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A;
    }
}
