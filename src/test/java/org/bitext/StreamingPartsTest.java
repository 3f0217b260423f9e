package org.bitext;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bitext.output.Utf8Writer;
import org.junit.jupiter.api.Test;

/** The small parts of the streamed build: UTF-8 in pieces. */
class StreamingPartsTest {
    @Test
    void utf8InPiecesIsTheBytesOfTheWholeText() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            sb.append(i % 7 == 0 ? "\uD83D\uDE00" : i % 5 == 0 ? "汉" : "a"); // pairs fall on every piece boundary
        }
        sb.append("\uD800 lone \uDC00 and a lone high at the end \uD83D");
        String text = sb.toString();
        for (int step : new int[] {1, 3, 1000, 16_383, 16_384, 70_000}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Utf8Writer w = new Utf8Writer(bytes);
            for (int i = 0; i < text.length(); i += step) {
                w.write(text, i, Math.min(step, text.length() - i));
                if (i % (7 * step) == 0) {
                    w.flush(); // a flush in the middle never splits a pair
                }
            }
            w.end();
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), bytes.toByteArray(), "step " + step);
        }
    }
}
