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
        assertTrue(r.out().matches("Built 3 sections, 7 turns, 4 notes, 2 topics, \\d+ files into .* in \\d+ ms\\R"), r.out());
        assertTrue(Files.isRegularFile(out.resolve("sections/part-one.html")));
        assertTrue(Files.isRegularFile(out.resolve("edition.json")));
    }

    @Test
    void theSummarySaysOneTurnNotOneTurns() throws Exception {
        Path talk = tmp.resolve("talk.md");
        Files.writeString(talk, "# 一次谈话\n\n## 开场\n\n**主持人：** 你好。\n");
        assertEquals(0, TestSupport.cli("init", tmp.resolve("e").toString(), "--transcript", talk.toString()).code());
        TestSupport.Run r = TestSupport.cli("check", "--content", tmp.resolve("e/content").toString(),
                "--templates", Files.createDirectories(tmp.resolve("theme-only")).toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Checked 1 section, 1 turn, 0 notes, 0 topics in "), r.out());
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
        assertTrue(r.err().contains(yaml + ":38:18: unknown speaker 'hots'; did you mean 'host'?"), r.err());
        assertTrue(r.err().contains(yaml + ":46:9: turn entry quote \"监管需要很多时间\" matches nothing"), r.err());
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
        assertTrue(r.err().contains(yaml + ":67:5: broken link 'glossary.html#g-no-such-term' in note 'synthetic': "
                + "glossary.html has no id \"g-no-such-term\""), r.err());
        assertTrue(r.err().contains("bitext: 1 error;"), "reported once, not once per page showing the note:\n" + r.err());
    }

    @Test
    void aMissingContentFolderIsAUserError() {
        TestSupport.Run r = TestSupport.cli("check", "--content", tmp.resolve("nope").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("content folder does not exist"), r.err());
    }

    @Test
    void noArgumentsOrHelpPrintTheCommandsAndVersionPrintsTheVersion() {
        for (String[] args : new String[][] {{}, {"--help"}, {"-h"}}) {
            TestSupport.Run r = TestSupport.cli(args);
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().startsWith("Usage: bitext"), r.out());
            for (String command : new String[] {"build", "check", "serve"}) {
                assertTrue(r.out().contains("\n  " + command + "  "), command + " listed: " + r.out());
            }
        }
        assertEquals("bitext 0.1.0\n", TestSupport.cli("--version").out().replace("\r", ""));
        assertEquals("bitext 0.1.0\n", TestSupport.cli("build", "-V").out().replace("\r", ""));
        TestSupport.Run help = TestSupport.cli("build", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--content=DIR") && help.out().contains("--strict"), help.out());
        assertFalse(help.out().contains("--port"), "only serve takes --port: " + help.out());
    }

    @Test
    void optionsTakeTheirValueAfterAnEqualsSignOrAsTheNextArgument() {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, TestSupport.cli("build", "--content=" + TestSupport.MINI, "--out=" + a).code());
        assertEquals(0, TestSupport.cli("build", "--out", b.toString(), "--content", TestSupport.MINI.toString(),
                "--templates", TestSupport.TEMPLATES.toString()).code());
        assertTrue(Files.isRegularFile(a.resolve("edition.json")));
        assertTrue(Files.isRegularFile(b.resolve("edition.json")));
    }

    @Test
    void aWrongCommandLineIsExitCodeTwoWithTheReasonAndTheUsageAndRunsNothing() {
        Path out = tmp.resolve("out");
        String mini = TestSupport.MINI.toString();
        String[][] wrong = {
            {"frob"},
            {"--frob"},
            {"build", "--bogus", "--content", mini, "--out", out.toString()},
            {"build", "--content", mini, "--out"},
            {"build", "--content", mini, "--out", "--strict"},
            {"build", "--content", mini, "--out", out.toString(), "--out", out.toString()},
            {"build", "--content", mini, "--out", out.toString(), "extra"},
            {"build", "--content", mini, "--out", out.toString(), "--strict=yes"},
            {"build", "--content", mini, "--out", out.toString(), "--port", "9000"},
            {"build", "--content=", "--out", out.toString()},
            {"serve", "--port", "x", "--content", mini, "--out", out.toString()},
            {"serve", "--port=70000", "--content", mini, "--out", out.toString()},
        };
        String[] reasons = {"Unknown command: 'frob'", "Unknown option: '--frob'", "Unknown option: '--bogus'",
            "Option '--out' needs a value (DIR)", "Option '--out' needs a value (DIR)", "Option '--out' is given more than once",
            "Unexpected argument: 'extra'", "Option '--strict' takes no value", "Unknown option: '--port'",
            "Option '--content' needs a value (DIR), not an empty one",
            "Invalid value for option '--port': 'x' is not a number",
            "Invalid value for option '--port': 70000 is not between 0 and 65535"};
        for (int i = 0; i < wrong.length; i++) {
            TestSupport.Run r = TestSupport.cli(wrong[i]);
            String what = String.join(" ", wrong[i]);
            assertEquals(2, r.code(), what);
            assertTrue(r.err().startsWith(reasons[i]), what + ":\n" + r.err());
            assertTrue(r.err().contains("Usage: bitext"), "the usage follows: " + r.err());
            assertEquals("", r.out(), what);
            assertFalse(Files.exists(out), what + " wrote nothing");
        }
    }
}
