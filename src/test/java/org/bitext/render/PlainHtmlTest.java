package org.bitext.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bitext.bench.Synth;
import org.commonmark.node.Document;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Plain Markdown is written straight from commonmark's tree ({@link PlainHtml}) instead of going
 * through the sanitizer. That is only right if it gives the very bytes the sanitizer gives: checked on
 * every text of the edition and of a synthetic one, on tricky snippets, and on thousands of random
 * mixtures of Markdown pieces. Whatever is not plain must be left to the sanitizer.
 */
class PlainHtmlTest {
    private final Markdown markdown = new Markdown();
    private final Parser parser = Parser.builder().build();
    private int plain;

    /** Asserts both ways agree on {@code text} (when it is plain) and returns whether it was. */
    private boolean same(String text) {
        String direct = PlainHtml.render((Document) parser.parse(text));
        if (direct == null) {
            return false;
        }
        assertEquals(markdown.sanitized(text), direct, () -> "plain Markdown written differently: " + text);
        assertEquals(direct, markdown.block(text), text);
        plain++;
        return true;
    }

    private static void strings(Object node, List<String> into) {
        if (node instanceof String s) {
            into.add(s);
        } else if (node instanceof Map<?, ?> m) {
            m.values().forEach(v -> strings(v, into));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> strings(v, into));
        }
    }

    private static List<String> textsOf(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 << 20);
        List<String> texts = new ArrayList<>();
        strings(new Yaml(options).load(yaml), texts);
        return texts;
    }

    @Test
    void everyTextOfTheEditionComesOutAsTheSanitizerMakesIt() throws IOException {
        List<String> texts = textsOf(Files.readString(Path.of("content/edition.yaml"), StandardCharsets.UTF_8));
        int notes = 0;
        for (String t : texts) {
            if (t.length() > 20) {
                notes++;
            }
            same(t);
        }
        assertTrue(plain > notes * 9 / 10, "most of the edition's texts are plain: " + plain + " of " + texts.size());
    }

    @Test
    void everyTextOfASyntheticEditionToo() {
        for (String t : textsOf(Synth.generate(3, 400, 20).edition())) {
            same(t);
        }
        assertTrue(plain > 500, "plain texts: " + plain);
    }

    private static final String[] PLAIN = {
        "A *note* with **bold**, `code <b>&amp;</b>` and \"quotes\" & 'apostrophes' < > .",
        "第一段，带*强调*和**加粗**。\n\n第二段“引号”——破折号…",
        "Line one  \nline two\\\nline three\nsoft",
        "- one\n- two\n  - nested *a*\n  - nested b\n- three",
        "1. first\n2. second\n\n3. loose third",
        "5) starts at five\n6) six",
        "> quoted\n> more\n>\n> - in a list\n\nafter",
        "- loose\n\n- items\n\n  with two paragraphs",
        "See [the glossary](glossary.html#g-jianguan) and [a section](sections/regulation.html#t1).",
        "[root](/notes.html) [query](?a=1&b=2) [frag](#here) [up](../x.html) [dot](./y.html)",
        "[web](https://example.org/a/b?c=d&e=f#g) [plain](http://example.org) [port](https://example.org:8443/x)",
        "[UP](HTTPS://EXAMPLE.ORG/X) [mail](mailto:someone@example.org) <https://auto.example/link> <who@example.org>",
        "[*emphasised* link **text** `code`](glossary.html)",
        "[marks](a_b~c!d$e&f'g(h)i*j+k,l;m=n@o%20p-q.html?r=s:t/u?v#w:x/y?z'(!)) [web](https://e.org/it's(1)*;@~!$,=+?q='a'#f(2))",
        "[x](<sections/a.html>) [y](sections/a\\(1\\).html) [z](glossary.html#g-x%E4%B8%AD)",
        "Entities: &copy; &amp; &lt;tag&gt; &quot; &#39; &#x4e2d; &nbsp;non-breaking\u00a0space",
        "Escapes: \\*not emphasis\\* \\[not a link\\] \\<not html\\> \\&amp;",
        "Emoji 😀 and 𠀀 (outside the BMP), tab\there, U+2028\u2028here, zero\u200bwidth",
        "   indented three spaces\n\n\n\nblank lines",
        "text with trailing spaces   ",
        "delete, next line, byte-order mark, noncharacter: \u007f\u0085\ufeff\ufffe end",
        "*a **b** c* __d__ _e_ ***f***",
        "- [link in list](glossary.html)\n- `code in list`\n\n> [link in quote](https://example.org)",
        "",
        "   ",
    };

    private static final String[] NOT_PLAIN = {
        "<b>raw html</b>", "<script>alert(1)</script>", "text <span>inline html</span>", "![image](x.png)",
        "# heading", "text\n\n---\n\nmore", "```\ncode block\n```", "    indented code", "[t](x.html \"title\")",
        "[js](javascript:alert(1))", "[data](data:text/html,hi)", "[ftp](ftp://example.org)",
        "[proto](//evil.example/x)", "[empty]()", "[ref][r]\n\n[r]: glossary.html", "[odd](glossary.html#中文)",
        "[space](<a b.html>)", "control \u0001 character", "vertical\u000btab", "lone \ud800 high surrogate",
        "lone \udc00 low surrogate", "at the end \ud83d", "*in emphasis \u001f*", "[tab](jav&#x09;ascript:alert(1))", "[scheme](vbscript:x)", "[colon](a:b)",
    };

    @Test
    void trickySnippetsComeOutAsTheSanitizerMakesThem() {
        for (String t : PLAIN) {
            assertNotNull(PlainHtml.render((Document) parser.parse(t)), "meant to be plain: " + t);
            assertTrue(same(t), t);
        }
    }

    @Test
    void whatIsNotPlainIsLeftToTheSanitizer() {
        for (String t : NOT_PLAIN) {
            assertNull(PlainHtml.render((Document) parser.parse(t)), "must go to the sanitizer: " + t);
            String html = markdown.block(t);
            assertEquals(markdown.sanitized(t), html, t);
            assertTrue(!html.contains("javascript") && !html.contains("<script") && !html.contains("data:"), html);
        }
    }

    private static final String[] PIECES = {
        "*", "**", "_", "`", "\\", "[", "]", "(", ")", "<", ">", "&", "&amp;", "&nbsp;", "&#", ";", "\"", "'",
        "#", "-", "+", "1.", "2)", ">", "\n", "\n\n", "  \n", " ", "   ", "\t", "text", "中文", "，", "😀", "\u00a0",
        "[a](glossary.html)", "[b](https://example.org/?x=1&y=2)", "[c](mailto:a@b.org)", "[d](#f)", "](", "![",
        "<https://x.org>", "<a@b.org>", "- ", "> ", "---", "```", "    ", "<b>", "</b>", "javascript:", "%20",
        "\u0001", "\u000b", "\ud800", "\udc00", "\ud83d\ude00", "\u007f",
    };

    @Test
    void randomMixturesOfMarkdownPiecesComeOutTheSameBothWays() {
        Random random = new Random(20261129);
        int plainBefore = plain;
        for (int i = 0; i < 4000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(14);
            for (int k = 0; k < n; k++) {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String t = sb.toString();
            if (!same(t) && !t.isBlank()) { // a blank text is "" whichever way (Markdown.block)
                assertEquals(markdown.sanitized(t), markdown.block(t), t);
            }
        }
        assertTrue(plain - plainBefore > 1000, "enough plain mixtures: " + (plain - plainBefore));
    }
}
