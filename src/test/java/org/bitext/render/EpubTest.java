package org.bitext.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.bitext.Bitext;
import org.bitext.TestSupport;
import org.bitext.diag.Diagnostics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The EPUB edition: valid by EPUBCheck, the same bytes from the same input, and holding what a reader needs. */
class EpubTest {
    @TempDir
    Path tmp;

    private Path build(Path content, String name) throws Exception {
        Path out = tmp.resolve(name);
        Diagnostics diags = new Diagnostics();
        Bitext.build(new Bitext.Options(content, TestSupport.TEMPLATES, out, false), diags);
        assertTrue(!diags.hasErrors(), "the build succeeds");
        return out;
    }

    private static void assertValid(Path epub) {
        DefaultReportImpl report = new DefaultReportImpl(epub.toString());
        new EpubCheck(epub.toFile(), report).doValidate();
        assertEquals(0, report.getFatalErrorCount() + report.getErrorCount(), "EPUBCheck errors in " + epub + " (printed above)");
        assertEquals(0, report.getWarningCount(), "EPUBCheck warnings in " + epub + " (printed above)");
    }

    @Test
    void theRealEditionsEpubPassesEpubCheck() throws Exception {
        Path epub = build(Path.of("content"), "real").resolve("altman-ai-for-good-2024.epub");
        assertTrue(Files.isRegularFile(epub), "the EPUB is named after the last segment of base_url");
        assertValid(epub);
    }

    @Test
    void theFixturesEpubPassesEpubCheck() throws Exception {
        assertValid(build(TestSupport.MINI, "mini").resolve("mini.epub"));
    }

    @Test
    void hostileMarkdownInANoteStillGivesAValidEpub() throws Exception {
        Path content = TestSupport.copyMini(tmp.resolve("hostile-content"));
        StringBuilder text = new StringBuilder("|\n      Links: [notes](notes.html), [home](index.html), [terms](glossary.html#g-hecheng-shuju).\n");
        for (String line : Files.readAllLines(Path.of("src/test/resources/hostile/xss-payloads.txt"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("# ")) {
                text.append("\n      ").append(line.replace("\\n", "\n      ")).append("\n");
            }
        }
        TestSupport.replaceIn(content.resolve("edition.yaml"), "text: A heading note.", "text: " + text);
        assertValid(build(content, "hostile").resolve("mini.epub"));
    }

    @Test
    void withoutABaseUrlTheEpubIsEditionEpubAndLinksOutsideTheBookKeepOnlyTheirText() throws Exception {
        Path content = TestSupport.copyMini(tmp.resolve("no-base-content"));
        TestSupport.replaceIn(content.resolve("edition.yaml"), "  base_url: https://example.github.io/mini/\n", "");
        TestSupport.replaceIn(content.resolve("edition.yaml"), "text: A heading note.", "text: See [all notes](notes.html).");
        Path epub = build(content, "no-base").resolve("edition.epub");
        assertValid(epub);
        Element note = read(epub).get("EPUB/sections/part-one.xhtml").getElementById("note-heading-note");
        assertTrue(note.text().contains("See all notes"), note.outerHtml());
        assertTrue(note.select("a").stream().noneMatch(a -> a.attr("href").contains("notes")), note.outerHtml());
    }

    @Test
    void twoBuildsGiveTheSameBytesWithMimetypeFirstAndStored() throws Exception {
        byte[] first = Files.readAllBytes(build(TestSupport.MINI, "a").resolve("mini.epub"));
        byte[] second = Files.readAllBytes(build(TestSupport.MINI, "b").resolve("mini.epub"));
        assertArrayEquals(first, second, "two builds of the same input give the same EPUB");

        // the first local header: "mimetype", stored, no extra field, its content right after the name
        assertEquals("mimetype", new String(first, 30, 8, StandardCharsets.US_ASCII));
        assertEquals(0, first[8] | first[9], "mimetype is stored");
        assertEquals(0, first[28] | first[29], "mimetype has no extra field");
        assertEquals("application/epub+zip", new String(first, 38, 20, StandardCharsets.US_ASCII));

        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(first))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
                assertNull(e.getExtra(), e.getName() + " has no extra field");
                // the source's date, "2024-06-03 10:00", whatever the clock or the time zone
                assertEquals(LocalDateTime.of(2024, 6, 3, 10, 0), e.getTimeLocal(), e.getName());
            }
        }
        List<String> sorted = new ArrayList<>(names.subList(1, names.size()));
        sorted.sort(null);
        assertEquals(sorted, names.subList(1, names.size()), "entries after mimetype are in sorted order");
    }

    @Test
    void everyTurnIsNumberedInBothLanguagesAndEveryNoteIsAFootnote() throws Exception {
        Map<String, Document> files = read(build(TestSupport.MINI, "c").resolve("mini.epub"));
        List<String> numbers = new ArrayList<>();
        int noterefs = 0;
        int footnotes = 0;
        for (Map.Entry<String, Document> f : files.entrySet()) {
            if (!f.getKey().startsWith("EPUB/sections/")) {
                continue;
            }
            Document d = f.getValue();
            for (Element turn : d.select("div.turn")) {
                numbers.add(turn.selectFirst(".number").text());
                Element zh = turn.selectFirst("p.zh");
                assertEquals("zh-Hans", zh.attr("lang"));
                assertEquals("zh-Hans", zh.attr("xml:lang"));
                assertTrue(turn.selectFirst("p.en") != null, "every turn has its English");
            }
            for (Element ref : d.select("a[epub:type=noteref]")) {
                noterefs++;
                Element note = d.getElementById(ref.attr("href").substring(1));
                assertEquals("footnote", note.attr("epub:type"), "a note marker leads to its footnote");
            }
            footnotes += d.select("aside[epub:type=footnote]").size();
        }
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= numbers.size(); i++) {
            expected.add(String.valueOf(i));
        }
        assertEquals(expected, numbers, "turns are numbered 1…N in reading order");
        assertTrue(footnotes > 0 && noterefs == footnotes, "every note is a footnote with one marker");

        Document opf = files.get("EPUB/package.opf");
        assertEquals(List.of("en", "zh-Hans"), opf.select("dc|language").eachText());
        assertEquals(2, opf.select("dc|title[xml:lang]").size(), "the title in both languages");
        assertEquals("2024-06-03T10:00:00Z", opf.selectFirst("meta[property=dcterms:modified]").text());
        assertTrue(opf.selectFirst("dc|identifier").text().startsWith("urn:uuid:"));
        assertTrue(files.get("EPUB/glossary.xhtml").selectFirst("[lang=zh-Latn-pinyin]") != null, "the glossary gives pinyin");
        Element link = files.get("EPUB/sections/part-one.xhtml").selectFirst("#note-synthetic a[href*=glossary]");
        assertEquals("../glossary.xhtml#g-hecheng-shuju", link.attr("href"), "a note's link into the site leads into the book");
        assertTrue(files.get("EPUB/names.xhtml").select("p.turns a").size() > 0, "the index of names links turns");
        assertTrue(files.get("EPUB/nav.xhtml").selectFirst("nav[epub:type=toc]") != null, "a navigation document");
    }

    private static Map<String, Document> read(Path epub) throws IOException {
        Map<String, Document> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(epub))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String text = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                if (e.getName().endsWith(".xhtml") || e.getName().endsWith(".opf")) {
                    files.put(e.getName(), Jsoup.parse(text, "", Parser.xmlParser()));
                }
            }
        }
        return files;
    }
}
