package org.bitext.render;

/**
 * Chinese marks emphasis with dots under each character ({@code text-emphasis} in the stylesheet), and
 * CSS cannot keep those dots off the Latin words a Chinese sentence quotes ("The Atlantic"). This pass
 * wraps each run of Latin letters and digits inside {@code <em>} or {@code <i>} of a Chinese text's HTML
 * in {@code <span class="latn">}, which the stylesheet sets in italics instead. It reads only HTML that
 * {@link Markdown} made: tags with quoted attributes, and character references.
 */
final class LatinInEmphasis {
    static final String OPEN = "<span class=\"latn\">";
    static final String CLOSE = "</span>";

    private LatinInEmphasis() {
    }

    static String mark(String html) {
        if (html == null || (!html.contains("<em>") && !html.contains("<i>"))) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length() + 32);
        int depth = 0;
        int n = html.length();
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = tagEnd(html, i);
                String tag = html.substring(i, end);
                if (tag.equals("<em>") || tag.equals("<i>")) {
                    depth++;
                } else if ((tag.equals("</em>") || tag.equals("</i>")) && depth > 0) {
                    depth--;
                }
                out.append(tag);
                i = end;
            } else if (c == '&') { // a character reference stays whole: "&amp;", "&#39;"
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(html.charAt(end)) || html.charAt(end) == '#')) {
                    end++;
                }
                end = end < n && html.charAt(end) == ';' ? end + 1 : i + 1;
                out.append(html, i, end);
                i = end;
            } else if (depth > 0 && isLatin(c)) {
                int end = runEnd(html, i);
                out.append(OPEN).append(html, i, end).append(CLOSE);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Just after the {@code >} that ends the tag at {@code start}, skipping quoted attribute values. */
    private static int tagEnd(String html, int start) {
        char quote = 0;
        for (int i = start + 1; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return html.length();
    }

    /** A run of Latin letters and digits, with the spaces and word punctuation between them ("A. I.", "co-op"). */
    private static int runEnd(String html, int start) {
        int end = start + 1;
        int i = end;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (isLatin(c)) {
                end = ++i;
            } else if (c == ' ' || c == '-' || c == '.' || c == '\'' || c == '\u2019') {
                i++;
            } else {
                break;
            }
        }
        return end;
    }

    private static boolean isLatin(char c) {
        return c < 0x250 && Character.isLetterOrDigit(c);
    }
}
