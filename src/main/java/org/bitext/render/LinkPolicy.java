package org.bitext.render;

import java.util.Locale;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Which link destinations an editor's Markdown may carry: http, https and mailto addresses, fragments of
 * the same page, and paths within the site. Everything else (another scheme, a path whose first segment
 * looks like a scheme such as {@code /javascript:…}, a backslash, white space or a control character
 * at its ends or a control character anywhere) is refused: the link keeps its text and loses its href.
 *
 * <p>As commonmark's {@link UrlSanitizer}, it also writes site paths the way notes carry them:
 * {@value Markdown#ROOT}, then the path without leading slashes (templates put the page's way back to
 * the root there). A path with no scheme-like first segment stays a path whatever that root is.
 */
final class LinkPolicy implements UrlSanitizer {

    /** What a link destination is. */
    sealed interface Destination permits Outside, Fragment, SitePath, Refused {
    }

    /** An http(s) or mailto address, or {@code //host/…}: left as written. */
    record Outside(String url) implements Destination {
    }

    /** {@code #id}: a fragment of the page that shows the text. */
    record Fragment(String url) implements Destination {
    }

    /** A path within the site, relative to its root, without leading slashes. */
    record SitePath(String path) implements Destination {
    }

    /**
     * Not allowed on a page. {@code scheme}: refused for its scheme ({@code javascript:}…), which the
     * sanitizer has always dropped quietly; otherwise a malformed site path, which the link check reports.
     */
    record Refused(String url, boolean scheme) implements Destination {
    }

    static Destination classify(String url) {
        if (url.isEmpty()) {
            return new SitePath("");
        }
        if (url.charAt(0) <= ' ' || url.charAt(url.length() - 1) <= ' ' || url.indexOf('\\') >= 0
                || url.chars().anyMatch(c -> c < ' ' || c == 0x7F)) {
            return new Refused(url, false); // browsers drop or turn these into something else ("\" into "/")
        }
        if (url.startsWith("#")) {
            return new Fragment(url);
        }
        if (url.startsWith("//")) {
            // another host, without a scheme; "///x" has none
            return url.startsWith("///") ? new Refused(url, false) : new Outside(url);
        }
        String scheme = scheme(url);
        if (scheme != null) {
            return switch (scheme.toLowerCase(Locale.ROOT)) {
                case "http", "https", "mailto" -> new Outside(url);
                default -> new Refused(url, true);
            };
        }
        int start = 0;
        while (start < url.length() && url.charAt(start) == '/') {
            start++;
        }
        String path = url.substring(start);
        int segmentEnd = path.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int at = path.indexOf(c);
            if (at >= 0 && at < segmentEnd) {
                segmentEnd = at;
            }
        }
        // "/javascript:…" would lose its slash and become a scheme on a page at the root
        return path.lastIndexOf(':', segmentEnd - 1) >= 0 ? new Refused(url, false) : new SitePath(path);
    }

    /** The scheme of {@code url} ({@code [A-Za-z][A-Za-z0-9+.-]*} before a colon), or null. */
    private static String scheme(String url) {
        if (!isAsciiLetter(url.charAt(0))) {
            return null;
        }
        for (int i = 1; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == ':') {
                return url.substring(0, i);
            }
            if (!(isAsciiLetter(c) || c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-')) {
                return null;
            }
        }
        return null;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    @Override
    public String sanitizeLinkUrl(String url) {
        Destination d = classify(url);
        if (d instanceof SitePath s) {
            return Markdown.ROOT + s.path();
        }
        return d instanceof Refused ? "" : url;
    }

    @Override
    public String sanitizeImageUrl(String url) {
        return ""; // images are not rendered
    }
}
