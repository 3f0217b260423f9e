package org.bitext.edition;

import java.util.List;
import java.util.Map;
import org.bitext.text.Texts;

/** What a draft may still lack: a turn's English gloss, and (once there are topics) its topic. */
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
}
