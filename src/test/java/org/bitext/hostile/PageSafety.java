package org.bitext.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a rendered page may not contain, whatever the content files say: script other than the site's
 * own {@code assets/bitext.js}, event handlers, script-capable URLs, styles, frames and other
 * elements that load or navigate, and a page without the Content-Security-Policy meta.
 */
final class PageSafety {
    /** Attributes whose value a browser treats as a URL. */
    private static final Set<String> URL_ATTRS = Set.of("href", "src", "action", "formaction", "xlink:href", "data",
            "poster", "srcset", "background", "ping", "cite", "codebase", "lowsrc", "dynsrc", "manifest", "icon", "srcdoc");
    /** Elements the templates never use and content must never bring in. */
    private static final Set<String> FORBIDDEN = Set.of("style", "iframe", "frame", "frameset", "object", "embed",
            "applet", "base", "form", "input", "textarea", "select", "isindex", "math", "template", "noscript",
            "video", "audio", "source", "marquee", "portal", "fencedframe");

    private PageSafety() {
    }

    /** Every problem found in the page, as readable strings; empty when the page is safe. */
    static List<String> problems(String page, String html) {
        List<String> out = new ArrayList<>();
        Document doc = Jsoup.parse(html);
        List<Element> csp = doc.select("head > meta[http-equiv]").stream()
                .filter(m -> m.attr("http-equiv").equalsIgnoreCase("Content-Security-Policy")).toList();
        if (csp.size() != 1) {
            out.add(page + ": " + csp.size() + " Content-Security-Policy metas in <head>, expected 1");
        } else {
            String policy = csp.get(0).attr("content");
            for (String need : List.of("script-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'self'")) {
                if (!policy.contains(need)) {
                    out.add(page + ": CSP lacks " + need + ": " + policy);
                }
            }
            if (policy.contains("unsafe-inline") || policy.contains("unsafe-eval") || policy.contains("*")) {
                out.add(page + ": CSP allows too much: " + policy);
            }
        }
        for (Element e : doc.getAllElements()) {
            String tag = e.normalName();
            if (tag.equals("script")) {
                if (!e.attr("src").endsWith("assets/bitext.js") || e.attr("src").contains(":") || !e.data().isBlank()
                        || e.parent() == null || !e.parent().normalName().equals("head")) {
                    out.add(page + ": script that is not the site's own: " + e.outerHtml());
                }
            } else if (tag.equals("meta") && e.hasAttr("http-equiv")
                    && !e.attr("http-equiv").equalsIgnoreCase("Content-Security-Policy")) {
                out.add(page + ": meta http-equiv: " + e.outerHtml());
            } else if (tag.equals("meta") && e.hasAttr("http-equiv") && e.parent() != null
                    && !e.parent().normalName().equals("head")) {
                out.add(page + ": CSP meta outside head: " + e.outerHtml());
            } else if (tag.equals("link") && !(isOwnLink(e))) {
                out.add(page + ": link element: " + e.outerHtml());
            } else if (FORBIDDEN.contains(tag)) {
                out.add(page + ": <" + tag + "> element: " + clip(e.outerHtml()));
            }
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) {
                    out.add(page + ": event handler " + name + " on <" + tag + ">");
                }
                if (name.equals("style")) {
                    out.add(page + ": style attribute on <" + tag + ">: " + a.getValue());
                }
                if (URL_ATTRS.contains(name) && dangerousUrl(a.getValue())) {
                    out.add(page + ": " + name + "=\"" + a.getValue() + "\" on <" + tag + ">");
                }
            }
        }
        return out;
    }

    private static boolean isOwnLink(Element e) {
        String rel = e.attr("rel");
        String href = e.attr("href");
        return rel.equals("stylesheet") && href.endsWith("assets/bitext.css") && !href.contains(":")
                || rel.equals("icon") && href.endsWith("assets/favicon.svg") && !href.contains(":")
                || rel.equals("canonical") && href.startsWith("https://example.github.io/");
    }

    /**
     * A URL a browser would run or load as a document: javascript:, vbscript:, data: — after what
     * browsers do first (jsoup already decoded the entities): drop control characters and white space
     * anywhere, compare without case. A srcset is checked candidate by candidate.
     */
    static boolean dangerousUrl(String value) {
        for (String candidate : value.split(",")) {
            StringBuilder sb = new StringBuilder();
            candidate.codePoints().filter(c -> c > 0x20 && c != 0x7f && !Character.isWhitespace(c)
                    && Character.getType(c) != Character.FORMAT).forEach(sb::appendCodePoint);
            String v = sb.toString().toLowerCase(Locale.ROOT);
            if (v.startsWith("javascript:") || v.startsWith("vbscript:") || v.startsWith("data:")
                    || v.startsWith("bitext-root:") || v.startsWith("livescript:") || v.startsWith("mocha:")) {
                return true;
            }
        }
        return false;
    }

    private static String clip(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
