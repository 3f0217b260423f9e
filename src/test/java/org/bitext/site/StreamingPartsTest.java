package org.bitext.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small parts of the streamed build: UTF-8 in pieces, compact ids, quick link resolution, streamed JSON. */
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

    @Test
    void idsAnswerExactlyWhatASetWould() {
        List<String> ids = new ArrayList<>(List.of("t-1", "t-10", "t-2", "note-a", "中文", "", "t-1", "A", "a"));
        Ids set = Ids.of(ids);
        assertEquals(8, set.size());
        for (String id : ids) {
            assertTrue(set.contains(id), id);
        }
        for (String id : List.of("t", "t-", "t-100", "t-3", "b", "中", "note-a ", "Z")) {
            assertFalse(set.contains(id), id);
        }
        assertFalse(Ids.of(List.of()).contains(""));
    }

    @Test
    void quickResolutionAgreesWithJavaNetUri() throws Exception {
        String[] pages = {"index.html", "sections/a.html", "topics/index.html", "a/b/c.html"};
        String[] links = {"b.html", "../index.html", "../topics/", "topics/x.html", "../../x.html", "../../../x.html",
            "assets/bitext.css", "./x.html", "a/../b.html", "x y.html", "%41.html", "..", "../", "a//b.html",
            ".hidden", "sections/", "a.b-c_d/e.html", "a/.b.html", "a/", "a//", "/a.html", "../..", "../.x", "-x/_y.html",
            "a/b/", "x.html/", "a:b.html", "a\\b.html", "é.html", "....html", "a/..b.html", ""};
        for (String page : pages) {
            for (String link : links) {
                String quick = LinkChecker.plainResolve(page, link);
                if (quick != null) {
                    String slow = new URI("site:/" + page).resolve(new URI(null, null, link, null)).getPath().substring(1);
                    assertEquals(slow, quick, page + " -> " + link);
                }
            }
        }
        assertEquals("index.html", LinkChecker.plainResolve("sections/a.html", "../index.html"));
        assertEquals("sections/a/", LinkChecker.plainResolve("sections/b.html", "a/"));
        for (String notPlain : new String[] {"./x.html", "a/../b.html", "a//b.html", ".hidden", "a/.b.html", "x y.html",
            "%41.html", "a:b.html", "", "../..", "/a.html"}) {
            assertEquals(null, LinkChecker.plainResolve("sections/b.html", notPlain), notPlain);
        }
    }
}
