package org.bitext.edition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** The known label that is {@code label} with a colon after it, or null. */
    private static String withColon(String label, Map<String, String> byLabel) {
        for (String colon : new String[] {":", "："}) {
            if (byLabel.containsKey(label + colon)) {
                return label + colon;
            }
        }
        return null;
    }

    static Result run(Context c) {
        EditorialLayer layer = c.layer();
        Diagnostics diags = c.diags();
        Map<String, Speaker> speakers = new LinkedHashMap<>();
        Map<String, String> byLabel = new LinkedHashMap<>();
        for (SpeakerDef d : layer.speakers().values()) {
            speakers.put(d.id(), new Speaker(d.id(), d.name(), List.copyOf(d.labels()), d.about(), d.beforeFirstLabel(), d.position()));
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
        Set<String> colonReported = new HashSet<>();
        for (int s = 0; s < c.transcript().sections().size(); s++) {
            for (Paragraph p : c.transcript().sections().get(s).paragraphs()) {
                if (p.label() != null) {
                    labelSeen = true;
                    current = byLabel.get(p.label());
                    String withColon = current == null ? withColon(p.label(), byLabel) : null;
                    if (withColon != null) {
                        // the editor copied the colon into the label: say so once, at the speaker, and read on
                        current = byLabel.get(withColon);
                        if (colonReported.add(withColon)) {
                            diags.error(speakers.get(current).position(), "the label '" + withColon + "' of speaker '" + current
                                    + "' ends with a colon; a label is the name before the colon",
                                    "write it without the colon: '" + p.label() + "' (the transcript's ':' or '：' after it is expected)");
                        }
                    } else if (current == null) {
                        diags.error(p.labelPosition(), "unknown speaker label '" + p.label() + "'"
                                + Texts.didYouMean(p.label(), byLabel.keySet()),
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
