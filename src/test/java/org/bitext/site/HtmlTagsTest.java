package org.bitext.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.parser.StreamParser;
import org.junit.jupiter.api.Test;

/**
 * The link check reads tags with {@link HtmlTags} instead of a full HTML parser. It must see the same
 * ids and links as one: on every page of the edition, and on markup that trips up naive scanners
 * (comments, script and textarea text, quoted ">", unquoted values, character references, repeated
 * attributes, upper case).
 */
class HtmlTagsTest {
    private static final List<String> WANTED = List.of("id", "href", "src", "srcset", "action", "poster", "data", "rel",
            "data-site-link");

    /**
     * Each start tag with any wanted attribute, as "tag attr=value…", sorted (a tree builder reports in
     * its own order). The page is read twice, as the link check reads it: from memory asking only for the
     * wanted attributes, and streamed from a file, a few bytes at a time, asking for all of them. Both
     * must agree.
     */
    private static List<String> ours(String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        List<String> fromMemory = new ArrayList<>();
        HtmlTags.scan(bytes, bytes.length, Set.copyOf(WANTED), (tag, attributes) -> add(fromMemory, tag, attributes));
        List<String> streamed = new ArrayList<>();
        HtmlTags.scan(new Trickle(bytes), null, (tag, attributes) -> add(streamed, tag, attributes));
        assertEquals(streamed, fromMemory, "a page in memory and the same page streamed: " + html);
        return fromMemory.stream().sorted().toList();
    }

    private static void add(List<String> out, String tag, List<String> attributes) {
        StringBuilder sb = new StringBuilder(tag);
        for (String a : WANTED) {
            String v = HtmlTags.get(attributes, a);
            if (v != null) {
                sb.append(' ').append(a).append('=').append(v);
            }
        }
        if (sb.length() > tag.length()) {
            out.add(sb.toString());
        }
    }

    /** Hands over a few bytes at a time, as a file or a pipe may: tags and characters are cut anywhere. */
    private static final class Trickle extends InputStream {
        private final ByteArrayInputStream in;

        Trickle(byte[] bytes) {
            in = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, Math.min(len, 7));
        }
    }

    private static List<String> jsoup(String html) {
        List<String> out = new ArrayList<>();
        try (StreamParser parser = new StreamParser(Parser.htmlParser()).parse(new StringReader(html), "")) {
            Iterator<Element> it = parser.iterator();
            while (it.hasNext()) {
                Element el = it.next();
                StringBuilder sb = new StringBuilder(el.tagName());
                for (String a : WANTED) {
                    if (el.hasAttr(a)) {
                        sb.append(' ').append(a).append('=').append(el.attr(a));
                    }
                }
                if (sb.length() > el.tagName().length()) {
                    out.add(sb.toString());
                }
            }
        }
        return out.stream().sorted().toList();
    }

    @Test
    void seesWhatAFullParserSeesOnEveryPageOfTheEdition() throws IOException {
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(Path.of("site"))) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertTrue(pages.size() > 30, "the committed site has its pages");
        for (Path p : pages) {
            String html = Files.readString(p, StandardCharsets.UTF_8);
            List<String> ours = ours(html);
            assertEquals(jsoup(html), ours, p.toString());
            assertTrue(ours.size() > 10, p + " has links and ids");
        }
    }

    private static final String[] TRICKY = {
        "<!-- <a href=\"hidden.html\"> --><a href=\"shown.html\">x</a>",
        "<!--><a href=\"after-abrupt.html\">x</a>",
        "<!---><a href=\"after-abrupt2.html\">x</a>",
        "<!-- a -- b --!><a href=\"after-bang.html\">x</a>",
        "<script>var s = \"<a href='in-script.html'>\";</script><a href=\"after-script.html\">x</a>",
        "<script>if (a</scripts) {}</script ><a href=\"after-script2.html\">x</a>",
        "<style>a[href=\"in-style\"] {}</style><p id=\"after-style\">x</p>",
        "<textarea><a href=\"in-textarea.html\"></textarea><a id=\"after-textarea\">x</a>",
        "<title>A <a href=\"in-title.html\"></title><body><a href=\"after-title.html\">x</a>",
        "<a title=\"a > b\" href=\"quoted-gt.html\">x</a>",
        "<A HREF=Upper.html ID=Top>x</A>",
        "<a href=\"x.html?a=1&amp;b=2&lt;\">x</a>",
        "<a href=\"first.html\" href=\"second.html\">x</a>",
        "<a href='single.html' id=''>x</a>",
        "<img src=pic.svg/><img src=\"ok.svg\"/>",
        "<!DOCTYPE html><?xml version=\"1.0\"?><p id=\"after-pi\">x</p>",
        "<p>1 < 2 and 3 <4</p><a href=\"after-lt.html\">x</a>",
        "<a href=\"a.html\"></a href=\">\"><a href=\"after-end.html\">x</a>",
        "<a href=\"a.html\"id=\"glued\">x</a>",
        "<a href = \"spaced.html\" >x</a>",
        "<div id=\"cut\"",
        "<svg><a href=\"in-svg.html\"><text id=\"svg-text\">t</text></a></svg>",
        "<p class=\"一 > 二\" title='它说\"是\"' lang=zh-Hans id=\"after-skipped\">说</p><a href=\"第一段.html#注释\">注</a>",
        "<a href=\"q?a=1&b=2&copy=3&amp;c&#39;d&#x27;e&nbsp;f&mdash;g&ampx&lt\" id=\"&quot;&lt;&gt;&#39;\">x</a>",
        "<a href=\"only?a=1&amp;b=2&quot;&#39;\" id='&amp;&amp;'>x</a>",
        "<a title=\"" + "很长的标题，".repeat(40) + "\" href=\"after-long.html\" id=\"编号&amp;一\">x</a>",
    };

    @Test
    void seesWhatAFullParserSeesInTrickyMarkup() throws IOException {
        for (String html : TRICKY) {
            assertEquals(jsoup(html), ours(html), html);
        }
    }

    @Test
    void readsTheTagsNotTheTextAroundThem() throws IOException {
        assertEquals(List.of("a href=shown.html"), ours(TRICKY[0]));
        assertEquals(List.of("a href=after-script.html"), ours(TRICKY[4]));
        assertEquals(List.of("a href=quoted-gt.html"), ours(TRICKY[9]));
        assertEquals(List.of("a id=Top href=Upper.html"), ours(TRICKY[10]));
        assertEquals(List.of("a href=x.html?a=1&b=2<"), ours(TRICKY[11]));
        assertEquals(List.of("a href=first.html"), ours(TRICKY[12]));
        assertEquals(List.of(), ours(TRICKY[20]));
    }

    @Test
    void readsAPageLongerThanItsWindow() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            sb.append("<p id=\"p").append(i).append("\">一段文字 text</p><!-- ").append("-".repeat(i % 7)).append(" -->");
        }
        String html = sb.toString();
        List<String> ids = new ArrayList<>();
        HtmlTags.scan(new Trickle(html.getBytes(StandardCharsets.UTF_8)), Set.of("id"),
                (tag, attributes) -> ids.add(HtmlTags.get(attributes, "id")));
        assertEquals(5000, ids.size());
        assertEquals("p4999", ids.get(4999));
    }
}
