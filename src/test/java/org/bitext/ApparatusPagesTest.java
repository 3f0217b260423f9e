package org.bitext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bitext.diag.Diagnostics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.json.Json;

/** The scholarly apparatus on the pages of the test fixture: numbers, Cite, times, sources, revisions, names. */
class ApparatusPagesTest {
    @TempDir
    static Path tmp;

    static Path site;

    @BeforeAll
    static void build() throws Exception {
        site = tmp.resolve("site");
        Bitext.build(new Bitext.Options(TestSupport.MINI, TestSupport.TEMPLATES, site, true), new Diagnostics());
    }

    private static Document page(String path) throws IOException {
        return Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
    }

    private static List<String> numbers(Document d) {
        return d.select("article.turn").stream().map(t -> t.selectFirst(".turn-head .turn-number").text()).toList();
    }

    @Test
    void everyPageThatShowsATurnShowsItsNumber() throws IOException {
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7"), numbers(page("transcript.html")));
        assertEquals(List.of("2", "3", "4", "5", "6"), numbers(page("sections/part-one.html")));
        assertEquals(List.of("3", "4"), numbers(page("topics/data.html")));
        assertEquals(List.of("2", "3", "5", "6"), numbers(page("speakers/host.html")));
        Element n = page("sections/part-one.html").selectFirst("#quality .turn-number");
        assertEquals("#quality", n.attr("href"), "the number is the turn's permalink");
        assertEquals("Turn 4, permalink", n.attr("aria-label"));
        assertEquals("../sections/part-one.html#quality", page("topics/data.html").selectFirst("#quality .turn-number").attr("href"));
    }

    @Test
    void everyTurnHasACiteLinkToItsEntryOnTheCitationPage() throws IOException {
        Document section = page("sections/part-one.html");
        Element cite = section.selectFirst("#next-model a.cite-link");
        assertNotNull(cite);
        assertEquals("../cite.html#cite-next-model", cite.attr("href"));
        Element body = section.body();
        // the script makes the citation from these, as cite.html gives it
        String text = body.attr("data-cite-lead") + ", turn " + section.selectFirst("#next-model .turn-number").text() + ". "
                + body.attr("data-cite-base") + body.attr("data-path") + "#next-model." + body.attr("data-cite-source");
        assertEquals("Li Hua and Ann Smith (eds.). Test edition (测试版). 2025-01-15, turn 5. "
                + "https://example.github.io/mini/sections/part-one.html#next-model. "
                + "Chinese text: 测试作者, 2024-06-03, http://example.com/article.", text);
        Element entry = page("cite.html").getElementById("cite-next-model");
        assertNotNull(entry);
        assertEquals("5", entry.attr("value"));
        assertEquals(text, entry.selectFirst(".citation").text());
        assertEquals(7, page("cite.html").select("ol.turn-citations > li").size());
    }

    @Test
    void aTimedTurnLinksToTheRecordingAtThatMoment() throws IOException {
        Document section = page("sections/part-one.html");
        Element time = section.selectFirst("#quality a.time");
        assertEquals("https://www.youtube.com/watch?v=mini123&t=130", time.attr("href"));
        assertEquals("▶ 2:10 in the recording", time.text());
        assertTrue(section.select("#part-one-1e5157 a.time").isEmpty(), "an untimed turn has no time link");
        assertTrue(section.select("iframe, video, audio, embed, object").isEmpty());
    }

    @Test
    void aRecordingThatIsNotOnYouTubeGetsAMediaFragment() throws Exception {
        Path content = TestSupport.copyMini(tmp.resolve("c"));
        TestSupport.replaceIn(content.resolve("edition.yaml"), "https://www.youtube.com/watch?v=mini123",
                "https://media.example.org/geneva.mp3");
        Path out = tmp.resolve("s2");
        Bitext.build(new Bitext.Options(content, TestSupport.TEMPLATES, out, true), new Diagnostics());
        Document d = Jsoup.parse(out.resolve("sections/part-two.html").toFile(), "UTF-8");
        assertEquals("https://media.example.org/geneva.mp3#t=3785", d.selectFirst("#regulation-answer a.time").attr("href"));
        assertEquals("▶ 1:03:05 in the recording", d.selectFirst("#regulation-answer a.time").text());
    }

    @Test
    void sourcesShowUnderTheNoteOnItsSectionAndOnTheNotesPage() throws IOException {
        Element onSection = page("sections/introduction.html").selectFirst("#note-summit .note-text .sources");
        assertNotNull(onSection, "the sources are inside the note text, which the popover shows");
        assertEquals(2, onSection.select("li").size());
        Element link = onSection.selectFirst("li a");
        assertEquals("https://aiforgood.itu.int/summit24/", link.attr("href"));
        assertEquals("International Telecommunication Union (2024-05). AI for Good Global Summit 2024.",
                onSection.select("li").get(0).text());
        assertEquals("Wang Fang (2023). Notes on synthetic data.", onSection.select("li").get(1).text());
        assertEquals(2, page("notes.html").select("#n-summit .sources li").size());
    }

    @Test
    void revisionsPageListsNewestFirstAndTheFooterSaysWhenLastRevised() throws IOException {
        Document rev = page("revisions.html");
        assertEquals(List.of("2025-03-02", "2025-01-15"), rev.select("ol.revisions > li > time").eachText());
        assertTrue(rev.selectFirst("ol.revisions > li").text().contains("增补注释来源。"));
        for (String p : List.of("index.html", "sections/part-one.html", "names.html", "404.html")) {
            Element footer = page(p).selectFirst("footer");
            assertEquals("2025-03-02", footer.selectFirst("time").attr("datetime"), p);
            assertTrue(footer.text().contains("Last revised 2025-03-02"), p);
        }
    }

    @Test
    void theIndexOfNamesListsEveryTurnANameOccursInAndIsInTheNavigation() throws IOException {
        Document names = page("names.html");
        assertEquals(List.of("names-person", "names-event"), names.select("section h2").eachAttr("id"));
        Element altman = names.getElementById("name-altman").nextElementSibling();
        assertEquals(List.of("1", "2"), altman.select(".turn-list a").eachText());
        assertEquals(List.of("sections/introduction.html#intro", "sections/part-one.html#welcome"),
                altman.select(".turn-list a").eachAttr("href"));
        assertTrue(names.select("#name-heading-note, #name-synthetic").isEmpty(), "corrections and context are no names");
        for (String p : List.of("index.html", "sections/part-one.html", "topics/data.html")) {
            assertFalse(page(p).select(".site-nav a[href$=names.html]").isEmpty(), p);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void editionJsonCarriesNumbersTimesSourcesRevisionsAndTheCitation() throws IOException {
        Map<String, Object> json = new Json().toType(Files.readString(site.resolve("edition.json")), Map.class);
        Map<String, Object> citation = (Map<String, Object>) json.get("citation");
        assertTrue(((String) citation.get("text")).startsWith("Li Hua and Ann Smith (eds.). Test edition"));
        assertTrue(((String) citation.get("bibtex")).startsWith("@misc{"));
        Map<String, Object> csl = (Map<String, Object>) citation.get("csl");
        assertEquals(List.of(Map.of("literal", "Li Hua"), Map.of("literal", "Ann Smith")), csl.get("editor"));
        assertEquals(Map.of("date-parts", List.of(List.of(2025L, 1L, 15L))), csl.get("issued"));
        assertEquals(List.of(Map.of("literal", "测试作者")), csl.get("original-author"));
        List<Map<String, Object>> sections = (List<Map<String, Object>>) json.get("sections");
        List<Map<String, Object>> partOne = (List<Map<String, Object>>) sections.get(2).get("turns");
        assertEquals(2L, partOne.get(0).get("number"));
        assertEquals("0:45", partOne.get(0).get("time"));
        assertTrue(partOne.get(1).containsKey("time") && partOne.get(1).get("time") == null);
        List<Map<String, Object>> revisions = (List<Map<String, Object>>) json.get("revisions");
        assertEquals("2025-01-15", revisions.get(0).get("date"));
        List<Map<String, Object>> notes = (List<Map<String, Object>>) json.get("notes");
        List<Map<String, Object>> sources = (List<Map<String, Object>>) notes.get(0).get("sources");
        assertEquals("2023", sources.get(1).get("date"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void editionJsonIsTheWholeEdition() throws IOException {
        Map<String, Object> json = new Json().toType(Files.readString(site.resolve("edition.json")), Map.class);
        assertEquals(Map.of("zh", "测试", "en", "A test"), json.get("description"));
        Map<String, Object> intro = (Map<String, Object>) json.get("introduction");
        assertEquals(Map.of("zh", "这是**测试**。", "en", "This is a *test*."), intro, "as written, Markdown and all");
        Map<String, Object> speaker = ((List<Map<String, Object>>) json.get("speakers")).get(0);
        assertTrue(speaker.containsKey("about"), speaker.toString());
        Map<String, Object> term = ((List<Map<String, Object>>) json.get("glossary")).get(0);
        assertTrue(term.containsKey("note"), term.toString());
        Map<String, Object> topic = ((List<Map<String, Object>>) json.get("topics")).get(0);
        assertTrue(topic.containsKey("description"), topic.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void editionJsonGivesEachSpeakerTheLabelsTheEditorWrote() throws IOException {
        Map<String, Object> json = new Json().toType(Files.readString(site.resolve("edition.json")), Map.class);
        Map<String, Object> labels = new LinkedHashMap<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) json.get("speakers")) {
            labels.put((String) s.get("id"), s.get("labels"));
        }
        assertEquals(Map.of("narrator", List.of(), "host", List.of("主持人"), "altman", List.of("Sam Altman")), labels);
    }
}
