package org.bitext.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import org.bitext.TestSupport;
import org.bitext.TestSupport.Run;
import org.bitext.render.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in theme: the jar's copy of templates/, overridden file by file by a project's own. */
class ThemeTest {
    @Test
    void theThemeIsExactlyTheRepositorysTemplatesFolder() throws IOException {
        Map<String, byte[]> repo = TestSupport.readTree(TestSupport.TEMPLATES);
        assertEquals(new TreeSet<>(repo.keySet()), new TreeSet<>(Theme.FILES), "Theme.FILES lists templates/");
        for (Map.Entry<String, byte[]> f : Theme.files().entrySet()) {
            assertArrayEquals(repo.get(f.getKey()), f.getValue(), f.getKey());
        }
    }

    @Test
    void aFolderWithOnlyContentBuildsTheSameSiteAsWithTheTemplatesCopied(@TempDir Path tmp) throws IOException {
        Path content = TestSupport.copyMini(tmp.resolve("content"));
        Files.createDirectories(tmp.resolve("templates")); // empty: every file comes from the theme
        Run bare = TestSupport.cli("build", "--content", content.toString(), "--templates", tmp.resolve("templates").toString(),
                "--out", tmp.resolve("bare").toString());
        assertEquals(0, bare.code(), bare.err());
        Run full = TestSupport.cli("build", "--content", content.toString(), "--templates", TestSupport.TEMPLATES.toString(),
                "--out", tmp.resolve("full").toString());
        assertEquals(0, full.code(), full.err());
        Map<String, byte[]> a = TestSupport.readTree(tmp.resolve("bare"));
        Map<String, byte[]> b = TestSupport.readTree(tmp.resolve("full"));
        assertEquals(b.keySet(), a.keySet());
        for (String f : a.keySet()) {
            assertArrayEquals(b.get(f), a.get(f), f);
        }
        Run check = TestSupport.cli("check", "--content", content.toString(), "--templates", tmp.resolve("templates").toString());
        assertEquals(0, check.code(), check.err());
    }

    @Test
    void aTemplatesFolderNamedOnPurposeMustExist(@TempDir Path tmp) throws IOException {
        Path content = TestSupport.copyMini(tmp.resolve("content"));
        Run typo = TestSupport.cli("build", "--content", content.toString(), "--templates", tmp.resolve("templtes").toString(),
                "--out", tmp.resolve("site").toString());
        assertEquals(2, typo.code(), typo.err());
        assertTrue(typo.err().contains("--templates " + tmp.resolve("templtes") + " is not a folder"), typo.err());
        assertFalse(Files.exists(tmp.resolve("site")), "nothing is built");
    }

    @Test
    void aProjectsTemplatesOverrideTheThemeFileByFile(@TempDir Path tmp) throws IOException {
        Path content = TestSupport.copyMini(tmp.resolve("content"));
        Path templates = Files.createDirectories(tmp.resolve("templates/assets"));
        Files.writeString(templates.resolve("bitext.css"), "body { color: rebeccapurple }\n", StandardCharsets.UTF_8);
        Files.writeString(templates.resolve("extra.txt"), "mine\n", StandardCharsets.UTF_8);
        String notes = Files.readString(TestSupport.TEMPLATES.resolve("notes.ftlh"), StandardCharsets.UTF_8);
        Files.writeString(tmp.resolve("templates/notes.ftlh"), notes.replace("<h1>Notes ", "<p>Our own notes page</p><h1>Notes "),
                StandardCharsets.UTF_8);
        Path site = tmp.resolve("site");
        Run r = TestSupport.cli("build", "--content", content.toString(), "--templates", tmp.resolve("templates").toString(),
                "--out", site.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("body { color: rebeccapurple }\n", Files.readString(site.resolve("assets/bitext.css")));
        assertEquals("mine\n", Files.readString(site.resolve("assets/extra.txt")));
        assertArrayEquals(Files.readAllBytes(TestSupport.TEMPLATES.resolve("assets/bitext.js")),
                Files.readAllBytes(site.resolve("assets/bitext.js")), "the asset it did not override is the theme's");
        assertTrue(Files.readString(site.resolve("notes.html")).contains("<p>Our own notes page</p>"));
        assertFalse(Files.readString(site.resolve("glossary.html")).contains("Our own notes page"));
        assertTrue(notes.contains("<h1>Notes "), "the test's edit must change something");
    }

    @Test
    void exportWritesTheThemeOutAndNeverOverwrites(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("mine");
        Run r = TestSupport.cli("theme", "export", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("(" + Theme.FILES.size() + " files)"), r.out());
        Map<String, byte[]> written = TestSupport.readTree(dir);
        Map<String, byte[]> repo = TestSupport.readTree(TestSupport.TEMPLATES);
        assertEquals(repo.keySet(), written.keySet());
        for (String f : repo.keySet()) {
            assertArrayEquals(repo.get(f), written.get(f), f);
        }
        Files.writeString(dir.resolve("layout.ftlh"), "restyled", StandardCharsets.UTF_8);
        Files.delete(dir.resolve("index.ftlh"));
        Run again = TestSupport.cli("theme", "export", dir.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains(dir.resolve("layout.ftlh") + " already exists"), again.err());
        assertEquals("restyled", Files.readString(dir.resolve("layout.ftlh")));
        assertFalse(Files.exists(dir.resolve("index.ftlh")), "nothing was written");
        assertEquals(2, TestSupport.cli("theme").code());
        assertEquals(2, TestSupport.cli("theme", "import").code());
    }
}
