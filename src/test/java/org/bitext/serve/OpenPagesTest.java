package org.bitext.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which pages a rebuild makes first, and the pages served ahead of a rebuild until it is served or withdrawn. */
class OpenPagesTest {
    @Test
    void theLastFewPagesRequestedComeFirstNewestFirstThenThePagesStillListening() {
        OpenPages open = new OpenPages();
        open.listening("notes.html");
        for (String p : List.of("a.html", "b.html", "c.html", "d.html", "e.html", "b.html")) {
            open.requested(p);
        }
        assertEquals(List.of("b.html", "e.html", "d.html", "c.html", "notes.html"), open.now(),
                "a.html, requested longest ago, no longer counts; a page listening always does");
        open.left("notes.html");
        assertEquals(List.of("b.html", "e.html", "d.html", "c.html"), open.now());
    }

    @Test
    void aRebuildMakesNoMoreThanAFewPagesFirst() {
        OpenPages open = new OpenPages();
        for (int i = 0; i < 20; i++) {
            open.listening("p" + i + ".html");
        }
        assertEquals(OpenPages.AT_MOST, open.now().size());
    }

    @Test
    void pagesServedAheadBelongToOneBuildAndGoWhenItIsWithdrawn() {
        OpenPages open = new OpenPages();
        byte[] page = {1, 2, 3};
        open.serveAhead("s-2", "a.html", page);
        assertArrayEquals(page, open.ahead("a.html").bytes());
        assertEquals("s-2", open.ahead("a.html").build());
        assertEquals("s-2", open.buildOf("a.html", "s-1"));
        assertEquals("s-1", open.buildOf("b.html", "s-1"));
        assertEquals(Set.of(), open.withdraw("s-3"), "another build's withdrawal leaves them");
        assertEquals(Set.of("a.html"), open.withdraw("s-2"));
        assertNull(open.ahead("a.html"));
        assertEquals("s-1", open.buildOf("a.html", "s-1"));
    }
}
