package org.bitext.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.bitext.Bitext;
import org.bitext.TestSupport;
import org.bitext.diag.Diagnostics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What search engines and link previews read: canonical links, descriptions, Open Graph, robots, favicon. */
class SiteMetadataTest {
    private static final String BASE = "https://example.github.io/mini/";
    static Map<String, byte[]> files;

    @BeforeAll
    static void render(@TempDir Path dir) throws Exception {
        files = Bitext.render(new Bitext.Options(TestSupport.MINI, TestSupport.TEMPLATES, dir.resolve("site"), false),
                new Diagnostics()).files();
    }

    private static Document page(String path) {
        return Jsoup.parse(new String(files.get(path), StandardCharsets.UTF_8));
    }

    @Test
    void everyPageHasItsCanonicalUrlAndBilingualDescription() {
        int pages = 0;
        for (String path : files.keySet()) {
            if (!path.endsWith(".html") || path.equals("404.html")) {
                continue;
            }
            pages++;
            Document d = page(path);
            String url = BASE + (path.equals("index.html") ? "" : path);
            assertEquals(1, d.select("link[rel=canonical]").size(), path);
            assertEquals(url, d.selectFirst("link[rel=canonical]").attr("href"), path);
            assertEquals(url, d.selectFirst("meta[property=og:url]").attr("content"), path);
            assertEquals(1, d.select("meta[name=description]").size(), "HTML allows one description: " + path);
            String description = d.selectFirst("meta[name=description]").attr("content");
            assertTrue(description.contains("A test") && description.contains("测试"), path + ": " + description);
            assertEquals(description, d.selectFirst("meta[property=og:description]").attr("content"), path);
            String siteName = d.selectFirst("meta[property=og:site_name]").attr("content");
            assertTrue(siteName.contains("Test edition") && siteName.contains("测试版"), siteName);
            assertTrue(d.selectFirst("meta[property=og:title]").attr("content").length() > 0, path);
            assertTrue(d.select("meta[name=robots]").isEmpty(), path);
        }
        assertTrue(pages >= 12, "pages checked: " + pages);
    }

    @Test
    void notFoundPageHasNoCanonicalUrlAndIsNotIndexed() {
        Document d = page("404.html");
        assertTrue(d.select("link[rel=canonical], meta[property=og:url]").isEmpty(), d.head().html());
        assertEquals("noindex", d.selectFirst("meta[name=robots]").attr("content"));
        assertEquals("/mini/assets/bitext.css", d.selectFirst("link[rel=stylesheet]").attr("href"),
                "404.html links from the base path of base_url, so it works at any depth");
    }

    @Test
    void robotsPointsAtTheSitemap() {
        String robots = new String(files.get("robots.txt"), StandardCharsets.UTF_8);
        assertTrue(robots.contains("User-agent: *"), robots);
        assertTrue(robots.contains("Sitemap: " + BASE + "sitemap.xml"), robots);
        String sitemap = new String(files.get("sitemap.xml"), StandardCharsets.UTF_8);
        long pages = files.keySet().stream().filter(p -> p.endsWith(".html") && !p.equals("404.html")).count();
        assertEquals(pages, sitemap.split("<loc>" + BASE, -1).length - 1, sitemap);
        assertTrue(!sitemap.contains("404.html"), sitemap);
    }

    @Test
    void faviconIsOurOwnSvg() {
        Document d = page("sections/part-one.html");
        assertEquals("../assets/favicon.svg", d.selectFirst("link[rel=icon]").attr("href"));
        assertEquals("image/svg+xml", d.selectFirst("link[rel=icon]").attr("type"));
        String svg = new String(files.get("assets/favicon.svg"), StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
    }
}
