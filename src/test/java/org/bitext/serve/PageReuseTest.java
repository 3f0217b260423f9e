package org.bitext.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bitext.Bitext;
import org.bitext.TestSupport;
import org.bitext.diag.BuildFailure;
import org.bitext.diag.Diagnostics;
import org.bitext.output.Publisher;
import org.bitext.serve.Preview;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kept session renders again only the pages whose template would read something different; every
 * other page is taken from the last build. Whatever the edit, the result must be exactly a fresh
 * build: each kind of edit below changes a different part of the page model (a note, a gloss, a
 * speaker's name, a topic's name, a turn taken out of a topic and one added at its end, a glossary term, a section title, a note's kind, the
 * base URL, the transcript's metadata), and the edits pile up before they are all undone.
 */
class PageReuseTest {
    @TempDir
    Path dir;

    private Path content;
    private Path templates;

    private Map<String, byte[]> fresh() throws Exception {
        Path out = dir.resolve("fresh");
        Publisher.deleteTree(out);
        Bitext.build(new Bitext.Options(content, templates, out, false), new Diagnostics());
        return TestSupport.readTree(out);
    }

    private static void assertSameTree(Map<String, byte[]> expected, Map<String, byte[]> actual, String edit) {
        assertEquals(expected.keySet(), actual.keySet(), edit);
        for (String f : expected.keySet()) {
            assertArrayEquals(expected.get(f), actual.get(f), edit + ": " + f);
        }
    }

    private record Edit(String file, String from, String to) {
    }

    private static final Edit[] EDITS = {
        new Edit("edition.yaml", "The **AI for Good Global Summit** is a UN conference", "The **AI for Good Global Summit** is a United Nations conference"),
        new Edit("edition.yaml", "On this action-oriented platform Sam Altman", "On this platform for action Sam Altman"),
        new Edit("edition.yaml", "    en: Narrator\n", "    en: The article's narrator\n"),
        new Edit("edition.yaml", "    en: Productivity\n", "    en: Productivity gains\n"),
        new Edit("edition.yaml", "      - \"感谢你的耐心等待\"\n", ""),
        new Edit("edition.yaml", "      - \"以软件开发者为例\"\n", "      - \"以软件开发者为例\"\n      - \"非常感谢你，Sam\"\n"),
        new Edit("edition.yaml", "{zh: 峰会, pinyin: fēnghuì, en: summit}", "{zh: 峰会, pinyin: fēnghuì, en: summit meeting}"),
        new Edit("edition.yaml", "en: \"Helping low-income workers\"", "en: \"Help for low-income workers\""),
        new Edit("edition.yaml", "  - id: ai-for-good-summit\n    at: \"AI for Good全球峰会\"\n    kind: event\n",
                "  - id: ai-for-good-summit\n    at: \"AI for Good全球峰会\"\n    kind: organisation\n"),
        new Edit("edition.yaml", "base_url: https://bitext-editions.github.io/altman-ai-for-good-2024/", "base_url: https://example.org/edition/"),
        new Edit("transcript.md", "发布时间: 2024-06-03 10:00", "发布时间: 2024-06-04 10:00"),
    };

    @Test
    void everyKindOfEditGivesExactlyAFreshBuildAndRendersOnlyWhatItTouches() throws Exception {
        content = Preview.copyTree(Path.of("content"), dir.resolve("content"));
        templates = Preview.copyTree(TestSupport.TEMPLATES, dir.resolve("templates"));
        String yaml = Files.readString(content.resolve("edition.yaml"));
        String transcript = Files.readString(content.resolve("transcript.md"));
        Bitext.Options o = new Bitext.Options(content, templates, dir.resolve("site"), false);
        BuildSession session = BuildSession.kept(null);
        Bitext.build(o, new Diagnostics(), session);
        int pages = session.pagesRendered();
        assertEquals(0, session.pagesReused(), "the first build has nothing to reuse");

        Bitext.build(o, new Diagnostics(), session);
        assertEquals(0, session.pagesRendered(), "nothing changed, so nothing is rendered");
        assertEquals(pages, session.pagesReused());

        for (Edit e : EDITS) {
            TestSupport.replaceIn(content.resolve(e.file()), e.from(), e.to());
            Bitext.build(o, new Diagnostics(), session);
            assertSameTree(fresh(), TestSupport.readTree(o.out()), e.to());
            if (e == EDITS[0]) {
                // the note shows on its section page, in the full transcript, on the notes page, in the index of
                // names (it is about an event) and in edition.json
                assertEquals(5, session.pagesRendered(), "pages rendered after a note edit");
            }
            if (e.from().contains("base_url")) {
                assertEquals(pages, session.pagesRendered(), "every page's canonical link changed");
            }
        }
        Files.writeString(content.resolve("edition.yaml"), yaml);
        Files.writeString(content.resolve("transcript.md"), transcript);
        Bitext.build(o, new Diagnostics(), session);
        assertSameTree(fresh(), TestSupport.readTree(o.out()), "all edits undone");
    }

    @Test
    void aTemplateEditRendersOnlyWhatUsesThatTemplate() throws Exception {
        content = Preview.copyTree(Path.of("content"), dir.resolve("content"));
        templates = Preview.copyTree(TestSupport.TEMPLATES, dir.resolve("templates"));
        Bitext.Options o = new Bitext.Options(content, templates, dir.resolve("site"), false);
        BuildSession session = BuildSession.kept(null);
        Bitext.build(o, new Diagnostics(), session);
        int pages = session.pagesRendered();
        int chapters = session.partsRendered();
        assertTrue(chapters > 5, "the EPUB's chapters are made: " + chapters);

        // the HTML layout: every HTML page again, no chapter of the EPUB (its templates do not use the layout)
        TestSupport.replaceIn(templates.resolve("layout.ftlh"), "<main id=\"main\">", "<main id=\"main\" class=\"edited\">");
        Bitext.build(o, new Diagnostics(), session);
        assertSameTree(fresh(), TestSupport.readTree(o.out()), "layout.ftlh");
        assertEquals(0, session.partsRendered(), "EPUB chapters made again after an edit of the HTML layout");
        assertTrue(session.pagesRendered() > 0 && session.pagesRendered() < pages,
                "pages made again after an edit of the HTML layout (edition.json, sitemap.xml and robots.txt do not use it): "
                        + session.pagesRendered() + " of " + pages);

        // a chapter template of the EPUB: no page of the site, and only the chapters made with it
        TestSupport.replaceIn(templates.resolve("epub/section.xhtml.ftlx"), "<#assign s = page.section>",
                "<#assign s = page.section><#-- edited -->");
        Bitext.build(o, new Diagnostics(), session);
        assertSameTree(fresh(), TestSupport.readTree(o.out()), "epub/section.xhtml.ftlx");
        assertEquals(0, session.pagesRendered(), "site pages made again after an edit of an EPUB template");
        assertTrue(session.partsRendered() > 0 && session.partsRendered() < chapters,
                "chapters made again: " + session.partsRendered() + " of " + chapters);

        // macros.ftlh is imported by the site's pages and, through epub/macros.ftlx, by the EPUB's chapters
        TestSupport.replaceIn(templates.resolve("macros.ftlh"), "<#macro html h>", "<#-- edited --><#macro html h>");
        Bitext.build(o, new Diagnostics(), session);
        assertSameTree(fresh(), TestSupport.readTree(o.out()), "macros.ftlh");
        assertTrue(session.partsRendered() > 0, "chapters made again after an edit of macros.ftlh");
    }

    @Test
    void anOverrideAddedEditedBrokenAndRemovedInAKeptSessionGivesAFreshBuildEachTime() throws Exception {
        content = Preview.copyTree(Path.of("content"), dir.resolve("content"));
        templates = dir.resolve("templates"); // none at first: the built-in theme
        Bitext.Options o = new Bitext.Options(content, templates, dir.resolve("site"), false);
        BuildSession session = BuildSession.kept(null);
        Bitext.build(o, new Diagnostics(), session);
        assertSameTree(fresh(), TestSupport.readTree(o.out()), "the built-in theme");

        String layout = Files.readString(TestSupport.TEMPLATES.resolve("layout.ftlh"));
        Files.createDirectories(templates);
        Files.writeString(templates.resolve("layout.ftlh"), layout.replace("<main id=\"main\">", "<main id=\"main\" class=\"mine\">"));
        Bitext.build(o, new Diagnostics(), session);
        assertSameTree(fresh(), TestSupport.readTree(o.out()), "a folder with an override of layout.ftlh");
        assertTrue(Files.readString(o.out().resolve("index.html")).contains("class=\"mine\""), "the override is used");

        String macros = Files.readString(TestSupport.TEMPLATES.resolve("macros.ftlh"));
        assertTrue(macros.contains("<span lang=\"en\">${s.name.en}</span>"));
        Files.writeString(templates.resolve("macros.ftlh"), macros.replace("<span lang=\"en\">${s.name.en}</span>",
                "<span lang=\"en\" class=\"mine\">${s.name.en}</span>"));
        Bitext.build(o, new Diagnostics(), session);
        assertSameTree(fresh(), TestSupport.readTree(o.out()), "a second override, of macros.ftlh");
        assertTrue(Files.readString(o.out().resolve("sections/introduction.html")).contains("class=\"mine\">"), "that override is used");

        Files.writeString(templates.resolve("layout.ftlh"), layout.replace("<main id=\"main\">", "<main id=\"main\" class=\"${\">"));
        Diagnostics broken = new Diagnostics();
        assertThrows(BuildFailure.class, () -> Bitext.build(o, broken, session));
        assertTrue(broken.all().stream().anyMatch(d -> d.position().file().endsWith("layout.ftlh")), "the error is at the template");

        Files.writeString(templates.resolve("layout.ftlh"), layout.replace("<main id=\"main\">", "<main id=\"main\" class=\"fixed\">"));
        Bitext.build(o, new Diagnostics(), session);
        assertSameTree(fresh(), TestSupport.readTree(o.out()), "the override mended");

        Files.delete(templates.resolve("layout.ftlh"));
        Bitext.build(o, new Diagnostics(), session);
        assertSameTree(fresh(), TestSupport.readTree(o.out()), "the override of layout.ftlh deleted");
        assertTrue(!Files.readString(o.out().resolve("index.html")).contains("class=\"fixed\""), "the built-in layout is back");
    }
}
