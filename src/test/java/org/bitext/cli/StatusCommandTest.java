package org.bitext.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.bitext.TestSupport;
import org.bitext.TestSupport.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bitext status}: progress per section and the speaker each turn was given. */
class StatusCommandTest {
    @Test
    void showsProgressPerSectionWithPluralsRight() {
        Run r = TestSupport.cli("status", "--content", TestSupport.MINI.toString());
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.startsWith("Test edition: 3 sections, 7 turns (7 glossed, 0 to do), 4 notes, 2 glossary terms, 2 topics\n"), out);
        assertTrue(out.contains("introduction  在日内瓦的AI for Good峰会上的对话 / A conversation in Geneva\n"
                + "  1 turn: 1 glossed, 0 to do; 1 note; 1 term; no interview turn\n"), out);
        assertTrue(out.contains("remarks  对话整理 / The conversation  (part title)\n"), out);
        assertTrue(out.contains("part-one  第一部分 / Part one\n"
                + "  5 turns: 5 glossed, 0 to do; 3 notes; 2 terms; 5 of 5 interview turns in a topic\n"), out);
        assertTrue(out.contains("  1 turn: 1 glossed, 0 to do; 0 notes; 1 term; 1 of 1 interview turn in a topic\n"), out);
        assertFalse(out.contains(" 1 turns") || out.contains(" 1 notes") || out.contains(" 1 terms"), out);
    }

    @Test
    void listsEveryTurnWithItsSpeakerAndMarksReassignments() {
        String out = TestSupport.cli("status", "--content", TestSupport.MINI.toString()).out();
        String list = out.substring(out.indexOf("Turns, with the speaker"));
        assertEquals(8, list.split("\n").length, list); // the heading and seven turns
        assertTrue(list.contains("edition.yaml:22    narrator     glossed 在日内瓦举行的AI for Good"), list);
        assertTrue(list.contains("altman       glossed 关键在于高质量的数据。"), list);
        // the split gives the question back to the host, and says whose it was in the source
        assertTrue(list.contains("host*        glossed 那么下一代模型会怎样？  (source: altman)"), list);
    }

    @Test
    void countsWhatIsLeftToDoAfterInit(@TempDir Path tmp) throws IOException {
        Path talk = tmp.resolve("talk.md");
        java.nio.file.Files.writeString(talk, InitCommandTest.TALK);
        assertEquals(0, TestSupport.cli("init", tmp.resolve("e").toString(), "--transcript", talk.toString()).code());
        Run r = TestSupport.cli("status", "--content", tmp.resolve("e/content").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("3 sections, 7 turns (0 glossed, 7 to do), 0 notes, 0 glossary terms, 0 topics"), r.out());
        assertTrue(r.out().contains("speaker-3    to do   我补充一点：排水系统需要重新设计。"), r.out());
        assertTrue(r.out().contains("'bitext check' lists 7 warnings."), r.out());
    }

    @Test
    void anEditionWithErrorsReportsThemAndExits1(@TempDir Path tmp) throws IOException {
        Path content = TestSupport.copyMini(tmp.resolve("content"));
        TestSupport.replaceIn(content.resolve("edition.yaml"), "at: 你怎么看合成数据", "at: 不在文中的话");
        Run r = TestSupport.cli("status", "--content", content.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("matches nothing"), r.err());
        assertEquals("", r.out());
    }
}
