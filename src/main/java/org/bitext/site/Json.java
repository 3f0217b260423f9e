package org.bitext.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small JSON writer: deterministic (insertion order), two-space indented, UTF-8 text left as is.
 * {@link #write(Object, Writer)} streams: the text goes out in small pieces as it is made, and a
 * list may make its elements only when asked for them ({@link java.util.AbstractList}), so the
 * whole document never exists in memory.
 */
public final class Json {
    /** Text is handed to the writer whenever this much has piled up. */
    private static final int CHUNK = 1 << 16;

    private Json() {
    }

    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, 0, null);
        return sb.append('\n').toString();
    }

    /** Writes the same text as {@link #write(Object)} to {@code out}. */
    public static void write(Object value, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder(CHUNK + 1024);
        try {
            write(value, sb, 0, out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.append(sb.append('\n'));
    }

    /** Hands the text made so far to {@code out} (when there is one) once it is large enough. */
    private static void drain(StringBuilder sb, Writer out) {
        if (out != null && sb.length() >= CHUNK) {
            try {
                out.append(sb);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sb.setLength(0);
        }
    }

    private static void write(Object v, StringBuilder sb, int indent, Writer out) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(s, sb);
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                pad(sb, indent + 1);
                string(String.valueOf(e.getKey()), sb);
                sb.append(": ");
                write(e.getValue(), sb, indent + 1, out);
                sb.append(++i < map.size() ? ",\n" : "\n");
            }
            pad(sb, indent);
            sb.append('}');
        } else if (v instanceof List<?> list) {
            if (list.isEmpty()) {
                sb.append("[]");
                return;
            }
            boolean simple = list.stream().allMatch(x -> x instanceof String || x instanceof Number);
            if (simple) {
                sb.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    write(list.get(i), sb, indent, out);
                }
                sb.append(']');
                return;
            }
            sb.append("[\n");
            for (int i = 0; i < list.size(); i++) {
                pad(sb, indent + 1);
                write(list.get(i), sb, indent + 1, out);
                sb.append(i + 1 < list.size() ? ",\n" : "\n");
                drain(sb, out);
            }
            pad(sb, indent);
            sb.append(']');
        } else {
            throw new IllegalArgumentException("not JSON: " + v.getClass());
        }
    }

    private static void pad(StringBuilder sb, int indent) {
        sb.append("  ".repeat(indent));
    }

    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        int plain = 0; // s[plain, i) needs no escape and is appended in one go
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '\u2028' && c != '\u2029') {
                continue;
            }
            sb.append(s, plain, i);
            plain = i + 1;
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<' -> sb.append("\\u003c"); // harmless if the JSON is ever inlined in HTML
                default -> sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        sb.append(s, plain, s.length());
        sb.append('"');
    }
}
