package org.bitext.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bitext.render.Markdown.Links;
import org.bitext.render.Markdown.TooDeep;
import org.bitext.text.Nesting;
import org.junit.jupiter.api.Test;

/** What the one configured commonmark renderer makes of an editor's Markdown. */
class MarkdownTest {
    private final Markdown markdown = new Markdown();

    private static final String REL = " rel=\"noopener noreferrer\"";
    private static final String SITE = REL + " data-site-link=\"\"";

    @Test
    void plainMarkdownComesOutAsThePagesHaveAlwaysShownIt() {
        assertEquals("<p>A <em>note</em> with <strong>bold</strong>, <code>&lt;b&gt;&amp;</code> and \"quotes\" &amp; 'apostrophes' &lt; &gt;.</p>",
                markdown.block("A *note* with **bold**, `<b>&` and \"quotes\" & 'apostrophes' < >."));
        assertEquals("<p>one<br>\ntwo soft</p>", markdown.block("one  \ntwo\nsoft"));
        assertEquals("<ul>\n<li>one</li>\n<li>two</li>\n</ul>", markdown.block("- one\n- two"));
        assertEquals("<blockquote>\n<p>quoted</p>\n</blockquote>\n<p>after</p>", markdown.block("> quoted\n\nafter"));
        assertEquals("<p>no-break&nbsp;space &amp;copy; ©</p>", markdown.block("no-break\u00a0space \\&copy; &copy;"));
    }

    @Test
    void inlineTextHasNoParagraphUnlessItHasSeveral() {
        assertEquals("one <em>line</em>", markdown.inline("one *line*"));
        assertEquals("<p>one</p>\n<p>two</p>", markdown.inline("one\n\ntwo"));
        assertEquals("see <a href=\"bitext-root:glossary.html\"" + SITE + ">it</a>", markdown.inline("see [it][g]\n\n[g]: glossary.html"));
        assertEquals("title", markdown.inline("# title"));
        assertEquals("", markdown.inline("   "));
    }

    @Test
    void linksKeepTheirAddressAndGetRelAndSiteLinksAreMarked() {
        assertEquals("<a href=\"https://example.org/a?b=1&amp;c=2#d\"" + REL + ">w</a>", markdown.inline("[w](https://example.org/a?b=1&c=2#d)"));
        assertEquals("<a href=\"mailto:a@example.org\"" + REL + ">m</a>", markdown.inline("[m](mailto:a@example.org)"));
        assertEquals("<a href=\"#t1\"" + REL + ">f</a>", markdown.inline("[f](#t1)"));
        assertEquals("<a href=\"//example.org/x\"" + REL + ">h</a>", markdown.inline("[h](//example.org/x)"));
        assertEquals("<a href=\"bitext-root:sections/a.html#t1\"" + SITE + ">s</a>", markdown.inline("[s](/sections/a.html#t1)"));
        assertEquals("<a href=\"bitext-root:x.html\" title=\"a &quot;t&quot;\"" + SITE + ">t</a>", markdown.inline("[t](x.html \"a \\\"t\\\"\")"));
    }

    @Test
    void refusedLinksKeepTheirTextAndLoseTheirHref() {
        for (String url : List.of("javascript:alert(1)", "JaVaScRiPt:alert(1)", "vbscript:x", "data:text/html,x", "ftp://example.org",
                "bitext-root:javascript:alert(1)", "/javascript:alert(1)", "//\\\\evil.example", "a\\\\b.html", "a:b.html",
                "///evil.example", "<javascript:alert(1)>", "<\tjavascript:alert(1)>", "javascript&#58;alert(1)")) {
            assertEquals("<a" + REL + ">x</a>", markdown.inline("[x](" + url + ")"), url);
        }
    }

    @Test
    void rawHtmlImagesAndRulesAreDroppedAndCodeBlocksLoseTheirClass() {
        assertEquals("bold and alert(1)", markdown.inline("<b>bold</b> and <script>alert(1)</script>"));
        assertEquals("<p>before</p>\n<p>after</p>", markdown.block("before\n\n<div onclick=\"x()\">\nblock\n</div>\n\nafter"));
        assertEquals("<p>a  b</p>", markdown.block("a ![img](x.png) ![i](javascript:alert(1))b"));
        assertEquals("<p>a</p>\n<p>b</p>", markdown.block("a\n\n---\n\nb"));
        assertEquals("<pre><code>&lt;x&gt;\n</code></pre>", markdown.block("```js\n<x>\n```"));
        assertEquals("<ol start=\"3\">\n<li>three</li>\n</ol>", markdown.block("3. three"));
    }

    @Test
    void deepNestingIsNeitherRenderedNorAStackOverflow() {
        int n = 30_000;
        for (String deep : List.of(">".repeat(100_000) + " x", "*".repeat(n) + "x" + "*".repeat(n), "- ".repeat(n) + "x",
                "*a ".repeat(n) + "b" + " a*".repeat(n), "![".repeat(n) + "x" + "](u)".repeat(n), "> - ".repeat(n) + "x")) {
            String shown = deep.substring(0, 8);
            assertEquals("", markdown.block(deep), shown);
            assertEquals("", markdown.inlineZh(deep), shown);
            assertInstanceOf(TooDeep.class, Markdown.read(deep), shown);
        }
        String fine = ">".repeat(Nesting.MAX - 5) + " x";
        assertTrue(markdown.block(fine).contains("<p>x</p>"));
        assertInstanceOf(Links.class, Markdown.read(fine));
    }

    @Test
    void theCheckReadsSiteLinksAndMalformedOnesButNotOthers() {
        Links links = (Links) Markdown.read("[a](/glossary.html#g) [b](https://x.org) [c](javascript:x) [d](sections/a.html) "
                + "[e](/javascript:alert(1)) [f](#top) *[g](//\\\\evil)*");
        assertEquals(List.of("glossary.html#g", "sections/a.html"), links.site());
        assertEquals(List.of("/javascript:alert(1)", "//\\evil"), links.malformed());
    }

    @Test
    void aCachedRendererGivesTheSameHtmlForEachWay() {
        Markdown cached = new Markdown(true);
        String text = "*The Atlantic*";
        assertEquals("<em>The Atlantic</em>", cached.inline(text));
        assertEquals("<p><em><span class=\"latn\">The Atlantic</span></em></p>", cached.blockZh(text));
        cached.nextBuild();
        assertEquals("<em>The Atlantic</em>", cached.inline(text));
        assertEquals("<p><em>The Atlantic</em></p>", cached.block(text));
    }
}
