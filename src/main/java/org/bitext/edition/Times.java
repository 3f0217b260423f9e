package org.bitext.edition;

import java.util.List;

/** Recording times must not run backwards within a section: a warning, an error under --strict. */
final class Times {
    private Times() {
    }

    static void check(Context c, List<Piece> ordered) {
        Piece last = null;
        for (Piece p : ordered) {
            if (last != null && last.para().section() != p.para().section()) {
                last = null;
            }
            if (p.time() == null) {
                continue;
            }
            if (last != null && p.time().seconds() < last.time().seconds()) {
                c.incomplete(p.time().position(), "time " + p.time().text() + " is earlier than the time "
                        + last.time().text() + " of a turn before it in this section (line " + last.time().position().line()
                        + "); times must not run backwards");
            }
            last = p;
        }
    }
}
