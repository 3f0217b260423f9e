package org.bitext.serve;

import java.util.Locale;

/** JSON string literals for the preview's status (the overlay's data). */
final class Json {
    private Json() {
    }

    /** {@code s} as a JSON string, or null. */
    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(s.length() + 2);
        string(s, sb);
        return sb.toString();
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
