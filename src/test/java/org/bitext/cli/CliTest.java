package org.bitext.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bitext.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path tmp;

    @Test
    void buildPrintsOneSummaryLineAndWritesTheSite() throws Exception {
        Path out = tmp.resolve("out");
        TestSupport.Run r = TestSupport.cli("build", "--content", TestSupport.MINI.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("Built 3 sections, 7 turns, 3 notes, 2 topics, \\d+ files into .* in \\d+ ms\\R"), r.out());
        assertTrue(Files.isRegularFile(out.resolve("sections/part-one.html")));
        assertTrue(Files.isRegularFile(out.resolve("edition.json")));
    }

    @Test
    void checkWritesNothing() {
        Path out = tmp.resolve("never");
        TestSupport.Run r = TestSupport.cli("check", "--content", TestSupport.MINI.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Checked 3 sections, 7 turns"), r.out());
        assertFalse(Files.exists(out));
    }

    @Test
    void errorsAreAllPrintedAsFileLineColumnAndThePreviousSiteIsKept() throws Exception {
        Path out = tmp.resolve("out");
        assertEquals(0, TestSupport.cli("build", "--content", TestSupport.MINI.toString(), "--out", out.toString()).code());
        Map<String, byte[]> before = TestSupport.readTree(out);

        Path c = TestSupport.copyMini(tmp.resolve("broken"));
        TestSupport.replaceIn(c.resolve("edition.yaml"), "speaker: host\n        reason", "speaker: hots\n        reason");
        TestSupport.replaceIn(c.resolve("edition.yaml"), "at: 监管需要时间", "at: 监管需要很多时间");
        TestSupport.Run r = TestSupport.cli("build", "--content", c.toString(), "--out", out.toString());

        assertEquals(1, r.code());
        String yaml = c.resolve("edition.yaml").toString();
        assertTrue(r.err().contains(yaml + ":33:18: unknown speaker 'hots'; did you mean 'host'?"), r.err());
        assertTrue(r.err().contains(yaml + ":39:9: turn entry quote \"监管需要很多时间\" matches nothing"), r.err());
        assertTrue(r.err().contains("^"), "a caret under the spot");
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        Map<String, byte[]> after = TestSupport.readTree(out);
        assertEquals(before.keySet(), after.keySet());
        for (String f : before.keySet()) {
            assertArrayEquals(before.get(f), after.get(f), f);
        }
    }

    @Test
    void strictTurnsAWarningIntoAnError() throws Exception {
        Path c = TestSupport.copyMini(tmp.resolve("c"));
        TestSupport.replaceIn(c.resolve("edition.yaml"), "    en: So, what about regulation?\n", "");
        assertEquals(0, TestSupport.cli("check", "--content", c.toString()).code());
        TestSupport.Run strict = TestSupport.cli("check", "--strict", "--content", c.toString());
        assertEquals(1, strict.code());
        assertTrue(strict.err().contains("'regulation-question'"), strict.err());
    }

    @Test
    void aBrokenLinkInANoteIsReportedOnceAtTheNote() throws Exception {
        Path c = TestSupport.copyMini(tmp.resolve("c"));
        TestSupport.replaceIn(c.resolve("edition.yaml"), "(glossary.html#g-hecheng-shuju)", "(glossary.html#g-no-such-term)");
        TestSupport.Run r = TestSupport.cli("check", "--content", c.toString());
        assertEquals(1, r.code());
        String yaml = c.resolve("edition.yaml").toString();
        assertTrue(r.err().contains(yaml + ":51:5: broken link 'glossary.html#g-no-such-term' in note 'synthetic': "
                + "glossary.html has no id \"g-no-such-term\""), r.err());
        assertTrue(r.err().contains("bitext: 1 error;"), "reported once, not once per page showing the note:\n" + r.err());
    }

    @Test
    void aMissingContentFolderIsAUserError() {
        TestSupport.Run r = TestSupport.cli("check", "--content", tmp.resolve("nope").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("content folder does not exist"), r.err());
    }
}
