package org.bitext.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class DiagnosticsTest {
    /** A message shows its source line the same way whether the source is kept as it is or deflated. */
    @Test
    void aBigSourceShowsItsLinesAsASmallOneDoes() {
        StringBuilder big = new StringBuilder();
        for (int i = 0; big.length() < Diagnostics.PACK_FROM_CHARS; i++) {
            big.append("  - at: 第").append(i).append("段\r\n    en: line ").append(i).append('\n');
        }
        big.append("  - at: 最后\n");
        String text = big.toString();
        int lastLine = (int) text.lines().count();
        Position at = new Position("e.yaml", lastLine, 11);

        Diagnostics packed = new Diagnostics();
        packed.addSource("e.yaml", text);
        packed.error(at, "unknown key 'x'", "a hint");
        String formatted = packed.format(packed.all().get(0));

        String small = "first\n  - at: 最后\n";
        Diagnostics plain = new Diagnostics();
        plain.addSource("e.yaml", small);
        plain.error(new Position("e.yaml", 2, 11), "unknown key 'x'", "a hint");
        String expected = plain.format(plain.all().get(0)).replace("    2 | ", "    " + lastLine + " | ")
                .replace("\n      | ", "\n" + " ".repeat(4 + String.valueOf(lastLine).length()) + " | ")
                .replace("e.yaml:2:11", "e.yaml:" + lastLine + ":11");
        assertEquals(expected, formatted);
        assertTrue(formatted.contains("  - at: 最后"), formatted);
        // and a line in the middle, after a \r\n
        packed.error(new Position("e.yaml", 4, 5), "m");
        assertTrue(packed.format(packed.all().get(1)).contains("\n    4 |     en: line 1\n"), packed.format(packed.all().get(1)));

        // registered by its UTF-8 bytes, with or without a byte order mark: the same lines
        for (String bom : new String[] {"", "\uFEFF"}) {
            Diagnostics fromBytes = new Diagnostics();
            fromBytes.addSourceUtf8("e.yaml", (bom + text).getBytes(StandardCharsets.UTF_8));
            fromBytes.error(at, "unknown key 'x'", "a hint");
            assertEquals(formatted, fromBytes.format(fromBytes.all().get(0)));
            Diagnostics smallBytes = new Diagnostics();
            smallBytes.addSourceUtf8("e.yaml", (bom + small).getBytes(StandardCharsets.UTF_8));
            smallBytes.error(new Position("e.yaml", 2, 11), "unknown key 'x'", "a hint");
            assertEquals(plain.format(plain.all().get(0)), smallBytes.format(smallBytes.all().get(0)));
        }
    }
}
