package org.bitext.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bitext.TestSupport;
import org.bitext.diag.Diagnostic;
import org.bitext.diag.Diagnostics;
import org.bitext.serve.Preview;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every build checks every link of the rendered site; each kind of broken link fails it, naming page and link. */
class LinkCheckerTest {
    private static final String GOOD = """
            <!DOCTYPE html><html><head>
            <link rel="stylesheet" href="../assets/site.css"><script src="../assets/site.js" defer></script>
            <link rel="canonical" href="https://example.test/sub/sections/a.html"></head>
            <body><h1 id="top">A</h1><p id="t1">text</p>
            <a href="b.html#t2">next</a> <a href="../index.html">home</a> <a href="#top">top</a>
            <a href="../topics/">topics</a> <a href="https://example.com/elsewhere">source</a>
            <a href="mailto:editor@example.test">mail</a> <img src="../assets/pic.svg" alt="">
            <a href="b.html?speaker=host#t2">filtered</a></body></html>
            """;

    private static Map<String, byte[]> site(String pageA) {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("index.html", "<html><body><a href=\"sections/a.html\">a</a></body></html>".getBytes(StandardCharsets.UTF_8));
        files.put("sections/a.html", pageA.getBytes(StandardCharsets.UTF_8));
        files.put("sections/b.html", "<html><body><p id=\"t2\">b</p></body></html>".getBytes(StandardCharsets.UTF_8));
        files.put("topics/index.html", "<html><body></body></html>".getBytes(StandardCharsets.UTF_8));
        files.put("404.html", "<html><body><a href=\"/sub/index.html\">home</a></body></html>".getBytes(StandardCharsets.UTF_8));
        files.put("assets/site.css", new byte[] {'b'});
        files.put("assets/site.js", new byte[] {'x'});
        files.put("assets/pic.svg", new byte[] {'<'});
        return files;
    }

    private static List<String> check(String pageA) {
        Diagnostics diags = new Diagnostics();
        LinkChecker.check(site(pageA), "/sub/", diags);
        return diags.errors().stream().map(d -> d.position() + ": " + d.message()).toList();
    }

    private static String only(String pageA) {
        List<String> errors = check(pageA);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("sections/a.html:"), "names the page: " + errors.get(0));
        return errors.get(0);
    }

    /** Pages are read on all cores, in any order: the report must be the same whichever page is read first. */
    @Test
    void theReportDoesNotDependOnTheOrderPagesAreRead() {
        Map<String, String> pages = new TreeMap<>();
        pages.put("sections/b.html", "<p id=\"t2\">b</p><p id=\"中\">c</p><a href=\"a.html#t9\">back</a>");
        pages.put("sections/a.html", "<h1 id=\"top\">a</h1><a href=\"b.html#t2\">1</a><a href=\"b.html#t9\">2</a>"
                + "<a href=\"b.html#%E4%B8%AD\">3</a><a href=\"#top\">4</a><a href=\"b.html#t9\">5</a>"
                + "<a href=\"../nope.html#x\">6</a><a href=\"../index.html#nav\">7</a>");
        pages.put("index.html", "<nav id=\"nav\"></nav><a href=\"sections/a.html#gone\">8</a><a href=\"sections/b.html#t2\">9</a>");
        List<String> expected = null;
        {
            for (List<String> order : List.of(List.copyOf(pages.keySet()), List.of("sections/b.html", "sections/a.html", "index.html"),
                    List.of("sections/a.html", "index.html", "sections/b.html"))) {
                LinkChecker checker = new LinkChecker(pages.keySet(), null);
                Map<String, LinkChecker.PageFacts> facts = new TreeMap<>();
                for (String page : order) {
                    facts.put(page, checker.scan(page, pages.get(page).getBytes(StandardCharsets.UTF_8)));
                }
                Diagnostics diags = new Diagnostics();
                checker.report(facts, diags);
                List<String> errors = diags.errors().stream().map(d -> d.position() + ": " + d.message()).toList();
                if (expected == null) {
                    expected = errors;
                    assertEquals(5, errors.size(), errors.toString()); // #gone, nope.html, #t9 twice, a.html#t9
                } else {
                    assertEquals(expected, errors, "scanned in the order " + order);
                }
            }
        }
    }

    @Test
    void aSiteWhoseLinksAllResolvePasses() {
        assertEquals(List.of(), check(GOOD));
    }

    @Test
    void brokenInternalLink() {
        String e = only(GOOD.replace("href=\"../index.html\"", "href=\"../indx.html\""));
        assertTrue(e.contains("broken link to ../indx.html"), e);
    }

    @Test
    void missingFragment() {
        String e = only(GOOD.replace("b.html#t2\">next", "b.html#t9\">next"));
        assertTrue(e.contains("broken fragment in b.html#t9") && e.contains("sections/b.html has no id \"t9\""), e);
    }

    @Test
    void missingFragmentOnTheSamePage() {
        String e = only(GOOD.replace("href=\"#top\"", "href=\"#bottom\""));
        assertTrue(e.contains("#bottom"), e);
    }

    @Test
    void missingAsset() {
        String e = only(GOOD.replace("../assets/site.css", "../assets/missing.css"));
        assertTrue(e.contains("broken link to ../assets/missing.css"), e);
        String img = only(GOOD.replace("../assets/pic.svg", "../assets/nopic.svg"));
        assertTrue(img.contains("../assets/nopic.svg"), img);
    }

    @Test
    void rootAbsoluteLinkBreaksUnderASubpath() {
        String e = only(GOOD.replace("href=\"../index.html\"", "href=\"/index.html\""));
        assertTrue(e.contains("root-absolute link breaks under a subpath: /index.html"), e);
    }

    @Test
    void scriptOrImageFromAnotherHost() {
        String script = only(GOOD.replace("../assets/site.js", "https://cdn.example.com/lib.js"));
        assertTrue(script.contains("<script src> loads from another host: https://cdn.example.com/lib.js"), script);
        String img = only(GOOD.replace("../assets/pic.svg", "//images.example.com/pic.svg"));
        assertTrue(img.contains("loads from another host"), img);
    }

    @Test
    void javascriptUrl() {
        String e = only(GOOD.replace("href=\"../index.html\"", "href=\"javascript:alert(1)\""));
        assertTrue(e.contains("forbidden scheme"), e);
    }

    @Test
    void aBadPercentEscapeInAFragmentIsABrokenFragmentNotACrash() {
        String e = only(GOOD.replace("href=\"#top\"", "href=\"#%zz%E4\""));
        assertTrue(e.contains("broken fragment in #%zz%E4"), e);
    }

    @Test
    void aLinkNoUriCanHoldIsMalformed() {
        String e = only(GOOD.replace("href=\"../index.html\"", "href=\"1a:b\""));
        assertTrue(e.contains("malformed link: 1a:b"), e);
    }

    @Test
    void idsAndLinksAreReadAsABrowserReadsThem() {
        // a ">" inside quotes does not end the tag; references are decoded; the first of two attributes counts
        assertEquals(List.of(), check(GOOD.replace("<p id=\"t1\">", "<p title=\"a>b\" id=\"t&#49;\" id=\"x\">")
                + "<a href=\"#t1\">t1</a>"));
        // a link inside a comment or a script is no link
        assertEquals(List.of(), check(GOOD.replace("</body>", "<!-- <a href=\"nope.html\"> --><script>var a = '<a href=\"nope.html\">';</script></body>")));
    }

    @Test
    void the404PageMayUseTheBasePathButNothingElseRootAbsolute() {
        Diagnostics diags = new Diagnostics();
        Map<String, byte[]> files = site(GOOD);
        files.put("404.html", "<a href=\"/sub/index.html\">ok</a><a href=\"/other/x.html\">bad</a>".getBytes(StandardCharsets.UTF_8));
        LinkChecker.check(files, "/sub/", diags);
        List<Diagnostic> errors = diags.errors();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).message().contains("/other/x.html"));
    }

    @Test
    void aBrokenLinkInATemplateFailsTheBuildAndWritesNothing(@TempDir Path dir) throws Exception {
        Path content = TestSupport.copyMini(dir.resolve("content"));
        Path templates = Preview.copyTree(TestSupport.TEMPLATES, dir.resolve("templates"));
        Path out = dir.resolve("site");
        assertEquals(0, TestSupport.cli("build", "--content", content.toString(), "--templates", templates.toString(),
                "--out", out.toString()).code());
        Map<String, byte[]> before = TestSupport.readTree(out);
        TestSupport.replaceIn(templates.resolve("glossary.ftlh"), "</@layout.page>",
                "<a href=\"${root}no-such-page.html\">x</a></@layout.page>");
        TestSupport.Run run = TestSupport.cli("build", "--content", content.toString(), "--templates",
                templates.toString(), "--out", out.toString());
        assertEquals(1, run.code());
        assertTrue(run.err().contains("glossary.html:1:1: broken link to no-such-page.html"), run.err());
        Map<String, byte[]> after = TestSupport.readTree(out);
        assertEquals(before.keySet(), after.keySet());
        for (String f : before.keySet()) {
            assertArrayEquals(before.get(f), after.get(f), f);
        }
        assertTrue(Files.isDirectory(out));
    }
}
