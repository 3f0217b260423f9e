package org.bitext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bitext.Bitext;
import org.bitext.TestSupport;
import org.bitext.diag.Diagnostics;
import org.bitext.edition.Edition;
import org.bitext.edition.Section;
import org.bitext.edition.Turn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders the real edition (content/) and checks the pages a reader gets. */
class SiteRenderingTest {
    @TempDir
    static Path tmp;

    static Path site;
    static Edition edition;
    static Map<String, byte[]> files;

    @BeforeAll
    static void build() throws Exception {
        site = tmp.resolve("site");
        Bitext.Result r = Bitext.build(new Bitext.Options(Path.of("content"), TestSupport.TEMPLATES, site, true),
                new Diagnostics());
        edition = r.edition();
        files = TestSupport.readTree(site);
    }

    private static Document page(String path) throws IOException {
        return Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
    }

    @Test
    void everyTurnAppearsOnceOnItsSectionPageWithSpeakerAndBothLanguages() throws IOException {
        int seen = 0;
        for (Section s : edition.pages()) {
            Document d = page("sections/" + s.id() + ".html");
            for (Turn t : s.turns()) {
                Elements els = d.select("[id=" + t.id() + "]");
                assertEquals(1, els.size(), "turn " + t.id());
                Element el = els.first();
                assertEquals(t.speaker(), el.attr("data-speaker"));
                assertFalse(el.select(".speaker").text().isBlank());
                assertNotNull(el.selectFirst(".zh[lang=zh-Hans]"), "zh of " + t.id());
                assertEquals(t.en(), el.selectFirst(".en[lang=en]").text(), "en of " + t.id());
                seen++;
            }
        }
        assertEquals(edition.turnCount(), seen);
    }

    @Test
    void chineseTextIsShownAsPublishedApartFromNoteMarkers() throws IOException {
        for (Section s : edition.pages()) {
            Document d = page("sections/" + s.id() + ".html");
            for (Turn t : s.turns()) {
                Element zh = d.getElementById(t.id()).selectFirst(".zh").clone();
                zh.select("sup.note-ref, rt, rp").remove();
                assertEquals(t.zh(), zh.text(), "Chinese of " + t.id());
            }
        }
    }

    @Test
    void noInternalLinkIsRootAbsoluteAndEveryOneResolves() throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, Document> pages = new HashMap<>(); // each page parsed once, not once per link into it
        for (String path : files.keySet()) {
            if (path.endsWith(".html")) {
                pages.put(path, page(path));
            }
        }
        for (String path : pages.keySet()) {
            if (path.equals("404.html")) {
                continue;
            }
            Document d = pages.get(path);
            for (Element el : d.select("a[href], link[href], script[src], img[src]")) {
                String link = el.hasAttr("href") ? el.attr("href") : el.attr("src");
                if (el.is("link[rel=canonical]") || link.startsWith("https://") || link.startsWith("http://")
                        || link.startsWith("mailto:")) {
                    continue;
                }
                if (link.startsWith("/")) {
                    problems.add(path + ": root-absolute " + link);
                    continue;
                }
                URI target = URI.create("x:/" + path).resolve(link.replace(" ", "%20"));
                String file = target.getPath().substring(1);
                if (file.isEmpty() || file.endsWith("/")) {
                    file += "index.html";
                }
                if (!files.containsKey(file)) {
                    problems.add(path + ": " + link + " -> missing " + file);
                } else if (target.getFragment() != null && !target.getFragment().isEmpty()) {
                    Document linked = pages.get(file);
                    if (linked == null || linked.getElementById(target.getFragment()) == null) {
                        problems.add(path + ": " + link + " -> no #" + target.getFragment());
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void chineseAndEnglishElementsCarryTheirLanguage() throws IOException {
        Document d = page("sections/productivity.html");
        assertEquals("en", d.selectFirst("html").attr("lang"));
        for (Element zh : d.select(".zh, .title-en, .en")) {
            assertTrue(zh.hasAttr("lang"), zh.outerHtml());
        }
        assertTrue(d.select(".turn .zh").stream().allMatch(e -> e.attr("lang").equals("zh-Hans")));
        assertTrue(d.select(".turn .en").stream().allMatch(e -> e.attr("lang").equals("en")));
    }

    @Test
    void nothingIsLoadedFromAnotherHostAndTheArticleTailIsGone() throws IOException {
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            String text = new String(f.getValue(), StandardCharsets.UTF_8);
            assertFalse(text.contains("Milo-1101"), f.getKey() + " carries the advert's contact");
            assertFalse(text.contains("往期回顾"), f.getKey() + " carries the article's tail");
            assertFalse(text.contains("mmbiz.qpic.cn"), f.getKey() + " hotlinks a WeChat image");
            if (f.getKey().endsWith(".html")) {
                Document d = Jsoup.parse(text);
                assertTrue(d.select("img[src^=http], script[src^=http], link[href^=http]:not([rel=canonical]), iframe")
                        .isEmpty(), f.getKey());
            }
        }
    }

    @Test
    void speakerPagesHoldExactlyThatSpeakersTurns() throws IOException {
        for (String speaker : List.of("host", "altman", "narrator")) {
            Document d = page("speakers/" + speaker + ".html");
            List<String> expected = edition.sections().stream().flatMap(s -> s.turns().stream())
                    .filter(t -> t.speaker().equals(speaker)).map(Turn::id).toList();
            List<String> shown = d.select(".turn").stream().map(e -> e.attr("data-speaker") + ":" + e.id()).toList();
            assertEquals(expected.stream().map(id -> speaker + ":" + id).toList(), shown);
        }
    }

    @Test
    void sectionPagesHaveSpeakerControlsPermalinksNotesAndTopicTags() throws IOException {
        Document d = page("sections/productivity.html");
        assertEquals(List.of("host", "altman"), d.select("button.speaker-toggle").eachAttr("data-speaker"));
        Element first = d.selectFirst(".turn");
        assertNotNull(first.selectFirst("a.permalink[href=#" + first.id() + "]"));
        assertFalse(d.select("sup.note-ref a[href^=#note-]").isEmpty());
        assertFalse(d.select(".topic-tags a[href^=../topics/]").isEmpty());
        assertFalse(d.select(".intervention").isEmpty(), "corrections are shown as editorial interventions");
    }

    @Test
    void homePageHasBothTitlesAttributionIntroductionContentsAndSpeakers() throws IOException {
        Document d = page("index.html");
        assertEquals(edition.meta().title().zh(), d.selectFirst("h1 [lang=zh-Hans]").text());
        assertEquals(edition.meta().title().en(), d.selectFirst("h1 [lang=en]").text());
        assertTrue(d.selectFirst(".attribution").text().contains("AI深度研究员"));
        assertTrue(d.selectFirst(".attribution a").attr("href").startsWith("http://mp.weixin.qq.com/"));
        assertFalse(d.select(".introduction .zh p").isEmpty());
        assertFalse(d.select(".introduction .en p").isEmpty());
        assertEquals(edition.pages().size(), d.select(".toc ol.sections a").size());
        assertEquals(3, d.select(".speaker-list > li").size());
    }

    @Test
    void editionJsonFollowsTheContract() throws IOException {
        String json = new String(files.get("edition.json"), StandardCharsets.UTF_8);
        for (String key : List.of("\"title\"", "\"source\"", "\"sha256\"", "\"speakers\"", "\"sections\"", "\"turns\"",
                "\"notes\"", "\"topics\"", "\"glossary\"", "\"pinyin\"", "\"quote\"", "\"url\": \"sections/productivity.html\"")) {
            assertTrue(json.contains(key), key);
        }
        assertTrue(json.contains(edition.sourceSha256()));
    }
}
