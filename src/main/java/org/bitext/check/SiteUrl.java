package org.bitext.check;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * Resolves a link within the site against the page it is on, with {@link java.net.URI}, for the page
 * check and the Markdown check alike. It never throws: whatever it cannot make a site path of is
 * {@link Malformed}.
 */
final class SiteUrl {
    private SiteUrl() {
    }

    /** What a link resolves to. */
    sealed interface Resolved permits Target, Malformed {
    }

    /**
     * A file of the site: {@code path} relative to the root (starting with "../" if the link climbs out
     * of it; a folder means its index.html), and the #fragment wanted there, percent-decoded (null if none).
     */
    record Target(String path, String fragment) implements Resolved {
        boolean outsideRoot() {
            return path.startsWith("../");
        }
    }

    /** Not a path: a scheme, an authority, or characters no URI allows. */
    record Malformed() implements Resolved {
    }

    /**
     * Resolves {@code link} (path, optional ?query and #fragment, without scheme or host) against
     * {@code page} (a path relative to the root; a page at the root resolves links relative to the root).
     */
    static Resolved resolve(String page, String link) {
        String target = link;
        String fragment = null;
        int hash = target.indexOf('#');
        if (hash >= 0) {
            fragment = target.substring(hash + 1);
            target = target.substring(0, hash);
        }
        int q = target.indexOf('?');
        if (q >= 0) {
            target = target.substring(0, q);
        }
        String resolved;
        if (target.isEmpty()) {
            resolved = page;
        } else {
            try {
                // this constructor quotes what a URI may not hold, "%" included, so the path stays as written
                URI relative = new URI(null, null, target, null);
                if (relative.isOpaque() || relative.getScheme() != null || relative.getRawAuthority() != null) {
                    return new Malformed();
                }
                String path = new URI("site", null, "/" + page, null).resolve(relative).getPath();
                if (path == null || !path.startsWith("/")) {
                    return new Malformed();
                }
                resolved = path.substring(1);
            } catch (URISyntaxException | IllegalArgumentException e) {
                return new Malformed();
            }
        }
        if (resolved.isEmpty() || resolved.endsWith("/")) {
            resolved += "index.html";
        }
        return new Target(resolved, fragment == null || fragment.isEmpty() ? null : percentDecoded(fragment));
    }

    /** {@code s} with each valid %XX read as a UTF-8 byte; anything else ("%zz", a lone "%") stays as it is. */
    static String percentDecoded(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            int hi = i + 2 < s.length() && c == '%' ? Character.digit(s.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
            if (lo >= 0) {
                bytes.write(hi * 16 + lo);
                i += 3;
            } else {
                int end = i + Character.charCount(s.codePointAt(i));
                bytes.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
