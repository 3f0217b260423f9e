package org.bitext.edition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bitext.diag.Diagnostics;
import org.bitext.diag.Position;
import org.bitext.editorial.SplitDef;
import org.bitext.editorial.TurnDef;
import org.bitext.text.Nearest;
import org.bitext.text.Texts;

/** Cuts one paragraph into turns at its entry's split phrases, and applies the entry's reassignment. */
final class Splits {
    /** A valid split: where the new turn starts, and its entry. */
    private record Cut(int at, SplitDef def) {
    }

    private Splits() {
    }

    /** The paragraph's turns in order; ids are the entries' (null where an entry gives none). */
    static List<Piece> cut(Context c, Para p, TurnDef d, Map<String, Speaker> speakers) {
        String text = p.text();
        if (d == null) {
            return List.of(new Piece(-1, p, 0, text.length(), null, p.sourceSpeaker(), null, null,
                    p.paragraph().position(), List.of(), null));
        }
        List<Cut> cuts = cuts(c.diags(), text, d);
        List<Piece> out = new ArrayList<>();
        int start = 0;
        for (int k = 0; k <= cuts.size(); k++) {
            int end = k < cuts.size() ? cuts.get(k).at() : text.length();
            int s = start;
            int e = end;
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            out.add(k == 0 ? first(c, p, d, s, e, speakers) : part(c, p, cuts.get(k - 1).def(), s, e, speakers));
            start = end;
        }
        return out;
    }

    /** The first turn: the entry's own, reassigned if it names another speaker. */
    private static Piece first(Context c, Para p, TurnDef d, int s, int e, Map<String, Speaker> speakers) {
        String speaker = p.sourceSpeaker();
        Intervention intervention = null;
        if (d.speaker() != null) {
            if (!speakers.containsKey(d.speaker())) {
                unknownSpeaker(c.diags(), d.speaker(), d.position(), speakers);
            } else if (d.speaker().equals(p.sourceSpeaker())) {
                c.diags().warning(d.position(), "'speaker: " + d.speaker() + "' is already the source's speaker; nothing to correct");
            } else {
                speaker = d.speaker();
                intervention = new Intervention(Intervention.Kind.REATTRIBUTED, p.sourceSpeaker(), d.reason());
            }
        }
        return new Piece(-1, p, s, e, d.id(), speaker, d.en(), intervention, d.position(), d.topics(), d.time());
    }

    /** A turn split off the paragraph. */
    private static Piece part(Context c, Para p, SplitDef sd, int s, int e, Map<String, Speaker> speakers) {
        String speaker = sd.speaker() != null ? sd.speaker() : p.sourceSpeaker();
        if (sd.speaker() != null && !speakers.containsKey(sd.speaker())) {
            unknownSpeaker(c.diags(), sd.speaker(), sd.position(), speakers);
            speaker = p.sourceSpeaker();
        }
        return new Piece(-1, p, s, e, sd.id(), speaker, sd.en(),
                new Intervention(Intervention.Kind.SPLIT, p.sourceSpeaker(), sd.reason()), sd.position(), sd.topics(), sd.time());
    }

    /** The entry's split phrases that can be cut at, in order; each one that cannot is reported. */
    private static List<Cut> cuts(Diagnostics diags, String text, TurnDef d) {
        List<Cut> cuts = new ArrayList<>();
        int lastStart = 0;
        int lastEnd = 0;
        for (SplitDef s : d.splits()) {
            if (s.at() == null) {
                continue;
            }
            String q = Texts.normalize(s.at().exact());
            Position at = s.at().position();
            int i = text.indexOf(q);
            String quoted = "split phrase \"" + Texts.clip(q, 40) + "\"";
            if (i < 0) {
                diags.error(at, quoted + " is not in the paragraph of this turn entry" + new Nearest(List.of(text)).hint(q));
            } else if (text.indexOf(q, i + 1) >= 0) {
                diags.error(at, quoted + " occurs more than once in the paragraph; quote more so it is unique");
            } else if (i == 0) {
                diags.error(at, quoted + " is where the paragraph starts; reassign the turn with 'speaker' instead");
            } else if (i <= lastStart) {
                diags.error(at, quoted + " comes before the previous split; list splits in reading order");
            } else if (i < lastEnd) {
                diags.error(at, quoted + " overlaps the previous split phrase");
            } else {
                lastStart = i;
                lastEnd = i + q.length();
                cuts.add(new Cut(i, s));
            }
        }
        return cuts;
    }

    private static void unknownSpeaker(Diagnostics diags, String id, Position at, Map<String, Speaker> speakers) {
        diags.error(at, "unknown speaker '" + id + "'" + Texts.didYouMean(id, speakers.keySet()),
                "speakers: " + String.join(", ", speakers.keySet()));
    }
}
