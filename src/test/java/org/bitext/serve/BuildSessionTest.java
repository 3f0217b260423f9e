package org.bitext.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bitext.Bitext;
import org.bitext.SiteRenderer;
import org.bitext.TestSupport;
import org.bitext.diag.BuildFailure;
import org.bitext.diag.Diagnostics;
import org.bitext.edition.Edition;
import org.bitext.output.OutputFolder;
import org.bitext.output.Publisher;
import org.bitext.render.Templates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds that reuse a kept {@link BuildSession} (what {@code serve} does after each save) make exactly
 * the files a fresh build makes, write only what changed, and never touch the output folder on error;
 * the streamed build (each file written while it is made) makes the same bytes as one held in memory.
 */
class BuildSessionTest {
    @TempDir
    Path dir;

    private Path content;
    private Path templates;

    private Bitext.Options options(String out) throws IOException {
        if (content == null) {
            content = TestSupport.copyMini(dir.resolve("content"));
            templates = Preview.copyTree(TestSupport.TEMPLATES, dir.resolve("templates"));
        }
        return new Bitext.Options(content, templates, dir.resolve(out), false);
    }

    /** A fresh one-off build of the same inputs, for comparison. */
    private Map<String, byte[]> fresh() throws Exception {
        Path out = dir.resolve("fresh");
        Publisher.deleteTree(out);
        Bitext.build(new Bitext.Options(content, templates, out, false), new Diagnostics());
        return TestSupport.readTree(out);
    }

    private static void assertSameTree(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String f : expected.keySet()) {
            assertArrayEquals(expected.get(f), actual.get(f), f);
        }
    }

    private Bitext.Options o;

    /** A kept session that has built the mini edition into site/ once. */
    private BuildSession built() throws Exception {
        o = options("site");
        BuildSession session = BuildSession.kept(null);
        Bitext.build(o, new Diagnostics(), session);
        return session;
    }

    private static Object inode(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
    }

    @Test
    void aTemplateEditTakesTheEditionAsLoadedBeforeWithItsWarnings() throws Exception {
        o = options("site");
        TestSupport.replaceIn(content.resolve("edition.yaml"), "en: Hello, Sam. Thank you for waiting.",
                "en: Hello, Sam. Thank you # for waiting.");
        BuildSession session = BuildSession.kept(null);
        Diagnostics first = new Diagnostics();
        Edition loaded = Bitext.build(o, first, session).edition();
        List<String> warnings = first.warnings().stream().map(first::format).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.contains("is a YAML comment")), warnings.toString());

        Path layout = templates.resolve("layout.ftlh");
        Files.writeString(layout, Files.readString(layout, StandardCharsets.UTF_8) + "<#-- edited -->\n", StandardCharsets.UTF_8);
        Diagnostics second = new Diagnostics();
        assertSame(loaded, Bitext.build(o, second, session).edition(), "the content was not read again");
        assertEquals(warnings, second.warnings().stream().map(second::format).toList(), "and its warnings are given again");
        assertSameTree(fresh(), TestSupport.readTree(o.out()));

        TestSupport.replaceIn(content.resolve("edition.yaml"), "Thank you # for waiting.", "Thank you for waiting.");
        Diagnostics third = new Diagnostics();
        assertNotSame(loaded, Bitext.build(o, third, session).edition(), "an edit of the content reads it again");
        assertTrue(third.warnings().stream().noneMatch(w -> w.message().contains("is a YAML comment")));
    }

    @Test
    void aRebuildAfterANoteEditIsExactlyAFreshBuild() throws Exception {
        BuildSession session = built();
        for (int i = 0; i < 3; i++) {
            TestSupport.replaceIn(content.resolve("edition.yaml"), "text: A heading note.", "text: A heading note, edited " + i + ".");
            Bitext.build(o, new Diagnostics(), session);
            assertSameTree(fresh(), TestSupport.readTree(o.out()));
            TestSupport.replaceIn(content.resolve("edition.yaml"), "text: A heading note, edited " + i + ".", "text: A heading note.");
        }
        Bitext.build(o, new Diagnostics(), session);
        assertSameTree(fresh(), TestSupport.readTree(o.out()));
    }

    @Test
    void anUnchangedFileIsNotWrittenAgainAndAChangedOneIs() throws Exception {
        BuildSession session = built();
        Path css = o.out().resolve("assets/bitext.css");
        Path notes = o.out().resolve("notes.html");
        Object cssBefore = inode(css);
        Object notesBefore = inode(notes);
        TestSupport.replaceIn(content.resolve("edition.yaml"), "text: A heading note.", "text: A heading note, edited.");
        Bitext.build(o, new Diagnostics(), session);
        assertEquals(cssBefore, inode(css), "the unchanged stylesheet is the same file (linked, not written)");
        assertNotEquals(notesBefore, inode(notes), "notes.html shows the edited note, so it is written anew");
        assertTrue(Files.readString(notes, StandardCharsets.UTF_8).contains("A heading note, edited."));
        assertSameTree(fresh(), TestSupport.readTree(o.out()));
    }

    @Test
    void aFileChangedInTheOutputFolderIsWrittenAgain() throws Exception {
        BuildSession session = built();
        Path css = o.out().resolve("assets/bitext.css");
        byte[] original = Files.readAllBytes(css);
        Files.write(css, new byte[] {'x'}); // someone edits the output by hand
        Bitext.build(o, new Diagnostics(), session);
        assertArrayEquals(original, Files.readAllBytes(css));
    }

    @Test
    void aTemplateEditIsPickedUpEvenWithTheSameSizeAndTime() throws Exception {
        BuildSession session = built();
        Path glossary = templates.resolve("glossary.ftlh");
        var modified = Files.getLastModifiedTime(glossary);
        String text = Files.readString(glossary, StandardCharsets.UTF_8);
        assertTrue(text.contains("</table>"));
        // same length, same modification time: only the content tells
        Files.writeString(glossary, text.replace("</table>", "</TABLE>"), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(glossary, modified);
        Bitext.build(o, new Diagnostics(), session);
        assertTrue(Files.readString(o.out().resolve("glossary.html"), StandardCharsets.UTF_8).contains("</TABLE>"));
        assertSameTree(fresh(), TestSupport.readTree(o.out()));
    }

    @Test
    void aSessionGivenAnotherTemplatesFolderUsesItsTemplates() throws Exception {
        o = options("site");
        Path other = Preview.copyTree(TestSupport.TEMPLATES, dir.resolve("other-templates"));
        TestSupport.replaceIn(other.resolve("glossary.ftlh"), "</table>", "</table><p>from the other folder</p>");
        BuildSession session = BuildSession.kept(null);
        Bitext.build(o, new Diagnostics(), session);
        assertFalse(Files.readString(o.out().resolve("glossary.html"), StandardCharsets.UTF_8).contains("from the other folder"));
        assertSameTree(fresh(), TestSupport.readTree(o.out()));

        Bitext.build(new Bitext.Options(content, other, o.out(), false), new Diagnostics(), session);
        assertTrue(Files.readString(o.out().resolve("glossary.html"), StandardCharsets.UTF_8).contains("from the other folder"));
        Bitext.build(o, new Diagnostics(), session);
        assertSameTree(fresh(), TestSupport.readTree(o.out()));
    }

    @Test
    void aBrokenLinkInARebuildLeavesTheSiteAsItWasAndNoStagingFolder() throws Exception {
        BuildSession session = built();
        Map<String, byte[]> before = TestSupport.readTree(o.out());
        TestSupport.replaceIn(templates.resolve("glossary.ftlh"), "</@layout.page>",
                "<a href=\"${root}no-such-page.html\">x</a></@layout.page>");
        Diagnostics diags = new Diagnostics();
        assertThrows(BuildFailure.class, () -> Bitext.build(o, diags, session));
        assertTrue(diags.errors().stream().anyMatch(d -> d.message().startsWith("broken link to no-such-page.html")),
                diags.errors().toString());
        assertSameTree(before, TestSupport.readTree(o.out()));
        try (Stream<Path> siblings = Files.list(dir)) {
            List<String> left = siblings.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".site.")).toList();
            assertEquals(List.of(), left, "staging folders left behind");
        }
        // fixed again: the session goes on from the last good build
        TestSupport.replaceIn(templates.resolve("glossary.ftlh"), "<a href=\"${root}no-such-page.html\">x</a>", "");
        Bitext.build(o, new Diagnostics(), session);
        assertSameTree(before, TestSupport.readTree(o.out()));
    }

    /**
     * A kept session reuses the link-check facts of a page that comes out the same; a link on it to a
     * fragment of another page is still checked against that page as it is now.
     */
    @Test
    void aFragmentGoneFromAPageBreaksTheLinksOfUnchangedPages() throws Exception {
        o = options("site");
        TestSupport.replaceIn(templates.resolve("index.ftlh"), "</@layout.page>", "<a href=\"${root}glossary.html#kept-target\">x</a></@layout.page>");
        TestSupport.replaceIn(templates.resolve("glossary.ftlh"), "</@layout.page>", "<p id=\"kept-target\">x</p></@layout.page>");
        BuildSession session = BuildSession.kept(null);
        Bitext.build(o, new Diagnostics(), session);
        byte[] index = Files.readAllBytes(o.out().resolve("index.html"));

        TestSupport.replaceIn(templates.resolve("glossary.ftlh"), "<p id=\"kept-target\">x</p>", "<p>x</p>");
        Diagnostics diags = new Diagnostics();
        assertThrows(BuildFailure.class, () -> Bitext.build(o, diags, session));
        assertTrue(diags.errors().stream().anyMatch(d -> d.position().file().equals("index.html")
                && d.message().contains("glossary.html has no id \"kept-target\"")), diags.errors().toString());
        assertArrayEquals(index, Files.readAllBytes(o.out().resolve("index.html")), "index.html itself did not change");
    }

    @Test
    void filesWrittenWhileTheyAreMadeAreTheBytesOfTheSiteInMemory() throws Exception {
        Bitext.Options o = options("streamed");
        Map<String, byte[]> inMemory = Bitext.render(o, new Diagnostics()).files();
        Diagnostics diags = new Diagnostics();
        Edition edition = Bitext.load(content, false, diags);
        Path out = o.out().toAbsolutePath().normalize();
        try (Publisher p = Publisher.open(out, 0)) { // every file goes to disk from its first byte
            new SiteRenderer(new Templates(templates), null, diags).render(edition, p, out);
            assertEquals(List.of(), diags.errors());
            p.swap();
        }
        Map<String, byte[]> onDisk = TestSupport.readTree(out);
        assertTrue(onDisk.remove(OutputFolder.MARKER) != null, "the published site carries the marker");
        assertSameTree(inMemory, onDisk);
    }

    @Test
    void linksOfFilesWrittenWhileTheyAreMadeAreCheckedFromTheirFiles() throws Exception {
        Bitext.Options o = options("streamed-links");
        TestSupport.replaceIn(templates.resolve("glossary.ftlh"), "</@layout.page>",
                "<a href=\"${root}index.html#no-such-id\">x</a><p title=\"长\" id=\"本页\"><a href=\"#本页\">y</a>"
                + "<a href=\"#没有\">z</a></@layout.page>");
        Diagnostics diags = new Diagnostics();
        Edition edition = Bitext.load(content, false, diags);
        Path out = o.out().toAbsolutePath().normalize();
        try (Publisher p = Publisher.open(out, 0)) { // every page is scanned back from its file
            new SiteRenderer(new Templates(templates), null, diags).render(edition, p, out);
        }
        List<String> errors = diags.errors().stream().map(d -> d.message()).sorted().toList();
        assertEquals(2, errors.size(), errors.toString());
        assertEquals("broken fragment in #没有 (glossary.html has no id \"没有\")", errors.get(0));
        assertEquals("broken fragment in index.html#no-such-id (index.html has no id \"no-such-id\")", errors.get(1));
    }
}
