package org.bitext.edition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bitext.diag.Diagnostics;
import org.bitext.diag.Position;
import org.bitext.editorial.EditorialLayer;
import org.bitext.editorial.SpeakerDef;
import org.bitext.text.Texts;
import org.bitext.transcript.Paragraph;

/** The speakers, and each paragraph with the speaker the source's labels give it (the narrator before the first). */
final class Attribution {
    record Result(Map<String, Speaker> speakers, List<Para> paras) {
    }

    private Attribution() {
    }

    static Result run(Context c) {
        EditorialLayer layer = c.layer();
        Diagnostics diags = c.diags();
        Map<String, Speaker> speakers = new LinkedHashMap<>();
        Map<String, String> byLabel = new LinkedHashMap<>();
        for (SpeakerDef d : layer.speakers().values()) {
            speakers.put(d.id(), new Speaker(d.id(), d.name(), d.about(), d.beforeFirstLabel(), d.position()));
            for (String label : d.labels()) {
                String other = byLabel.putIfAbsent(label, d.id());
                if (other != null && !other.equals(d.id())) {
                    diags.error(d.position(), "label '" + label + "' is given to both '" + other + "' and '" + d.id() + "'");
                }
            }
        }
        String narrator = narrator(layer, diags);
        List<Para> out = new ArrayList<>();
        String current = null;
        boolean labelSeen = false;
        boolean unknownBefore = false;
        for (int s = 0; s < c.transcript().sections().size(); s++) {
            for (Paragraph p : c.transcript().sections().get(s).paragraphs()) {
                if (p.label() != null) {
                    labelSeen = true;
                    current = byLabel.get(p.label());
                    if (current == null) {
                        String suggestion = Texts.suggest(p.label(), byLabel.keySet());
                        diags.error(p.labelPosition(), "unknown speaker label '" + p.label() + "'"
                                + (suggestion != null ? "; did you mean '" + suggestion + "'?" : ""),
                                "add it to the 'labels' of a speaker in " + layer.file()
                                        + (byLabel.isEmpty() ? "" : " (known labels: " + String.join(", ", byLabel.keySet()) + ")"));
                    }
                } else if (!labelSeen) {
                    if (narrator == null && !unknownBefore) {
                        unknownBefore = true;
                        diags.error(p.position(), "this paragraph comes before the first speaker label, but no speaker is "
                                + "'before_first_label: true' in " + layer.file());
                    }
                    current = narrator;
                }
                out.add(new Para(out.size(), s, p, current));
            }
        }
        if (!labelSeen && !out.isEmpty()) {
            diags.error(Position.of(c.transcript().file()), "the transcript has no labeled turn",
                    "a turn starts with a bold label ending in a colon, such as **主持人：**");
        }
        return new Result(speakers, out);
    }

    private static String narrator(EditorialLayer layer, Diagnostics diags) {
        String found = null;
        for (SpeakerDef d : layer.speakers().values()) {
            if (d.beforeFirstLabel()) {
                if (found != null) {
                    diags.error(d.position(), "only one speaker can be 'before_first_label' (also '" + found + "')");
                } else {
                    found = d.id();
                }
            }
        }
        return found;
    }
}
