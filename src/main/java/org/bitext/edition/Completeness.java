package org.bitext.edition;

import java.util.List;
import java.util.Map;
import org.bitext.text.Texts;

/**
 * What a draft may still lack or have out of order: a turn's English gloss, (once there are topics) its
 * topic, and recording times in order within a section. Each is a warning, an error under --strict.
 */
final class Completeness {
    private Completeness() {
    }

    static void check(Context c, List<Piece> ordered, Map<String, Speaker> speakers, Topics.Result topics) {
        for (Piece p : ordered) {
            if (p.en() == null || p.en().isBlank()) {
                c.incomplete(p.position(), "turn '" + p.id() + "' (\"" + Texts.clip(p.text(), 20) + "\") has no English gloss; "
                        + "it is shown as translation pending");
            }
            Speaker sp = p.speaker() == null ? null : speakers.get(p.speaker());
            if (!topics.topics().isEmpty() && sp != null && !sp.narrator() && topics.ofTurn().get(p.order()).isEmpty()) {
                c.incomplete(p.position(), "turn '" + p.id() + "' (\"" + Texts.clip(p.text(), 20) + "\") belongs to no topic");
            }
        }
    }

    /** Recording times must not run backwards within a section. */
    static void times(Context c, List<Piece> ordered) {
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
