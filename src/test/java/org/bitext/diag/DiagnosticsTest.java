package org.bitext.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DiagnosticsTest {
    private static String format(String text, int line, int column) {
        Diagnostics diags = new Diagnostics();
        diags.addSource("e.yaml", text);
        diags.error(new Position("e.yaml", line, column), "unknown key 'x'", "a hint");
        return diags.format(diags.all().get(0));
    }

    @Test
    void aMessageShowsItsLineWithACaretUnderTheColumn() {
        assertEquals("""
                e.yaml:2:10: unknown key 'x'
                    2 |   - at: 最后
                      |           ^
                    = a hint""", format("first\r\n  - at: 最后 \n", 2, 10));
        assertEquals("""
                e.yaml:2:9: unknown key 'x'
                    2 |   - at: 最后
                      |         ^
                    = a hint""", format("first\r  - at: 最后\rthird", 2, 9));
    }

    /** A ten-megabyte line is not echoed whole: a window around the column, marked with ellipses, caret still right. */
    @Test
    void aLongLineIsCutAroundTheColumn() {
        String line = "k: " + "a".repeat(10_000) + "X" + "b".repeat(10_000);
        int column = line.indexOf('X') + 1;
        String[] out = format("x: 1\n" + line + "\n", 2, column).split("\n");
        assertTrue(out[1].length() < 220 && out[2].length() < 220, out[1].length() + " / " + out[2].length());
        assertTrue(out[1].startsWith("    2 | …a") && out[1].endsWith("b…"), out[1]);
        assertEquals(out[2].indexOf('^'), out[1].indexOf('X'), "the caret is under the column");

        // at the start and at the end of a long line: one ellipsis only
        String start = format(line, 1, 1).split("\n")[1];
        assertTrue(start.startsWith("    1 | k: a") && start.endsWith("…"), start);
        String[] end = format(line, 1, line.length()).split("\n");
        assertTrue(end[1].startsWith("    1 | …") && end[1].endsWith("bb"), end[1]);
        assertEquals(end[2].indexOf('^'), end[1].length() - 1);
    }

    @Test
    void controlCharactersInTheShownLineAreNotSentToTheTerminal() {
        String out = format("title: a\u0000b\u001b[31mred\n", 1, 10);
        assertTrue(out.contains("title: a\uFFFDb\uFFFD[31mred"), out);
    }

    @Test
    void noControlCharacterOfAMessageReachesTheTerminal() {
        Diagnostics diags = new Diagnostics();
        diags.error(new Position("e.yaml", 1, 1), "unknown key '\u001b[2J'", "not \u0007 this");
        assertEquals("e.yaml:1:1: unknown key '\uFFFD[2J'\n    = not \uFFFD this", diags.format(diags.all().get(0)));
    }

    /** Pages render in parallel and each may report: none is lost. */
    @Test
    void diagnosticsFromManyThreadsAreAllKept() throws Exception {
        Diagnostics diags = new Diagnostics();
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 20_000; i++) {
                    diags.warning(Position.of("p.html"), "w");
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(8 * 20_000, diags.all().size());
    }
}
