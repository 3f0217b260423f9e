package org.bitext.edition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bitext.diag.Diagnostics;
import org.bitext.diag.Position;
import org.bitext.editorial.SectionDef;
import org.bitext.text.Nearest;
import org.bitext.text.Texts;
import org.bitext.transcript.RawSection;

/** Gives every section of the transcript its page id and English title, from its entry or its heading. */
final class SectionIds {
    /**
     * A section's id and English title; {@code given}: the id is its entry's, and {@code position} is
     * that entry's (otherwise the heading's).
     */
    record Name(String id, String en, Position position, boolean given) {
    }

    private SectionIds() {
    }

    static List<Name> run(Context c) {
        List<RawSection> raw = c.transcript().sections();
        SectionDef[] defs = entries(c, raw);
        Map<String, Integer> used = new HashMap<>();
        List<Name> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            boolean given = defs[i] != null && defs[i].id() != null;
            String id = given ? defs[i].id() : raw.get(i).heading() == null ? "preface" : derived(raw.get(i).heading());
            // a derived id steps aside for an id of the templates; a given one is reported by PageIds
            if (used.putIfAbsent(id, i) != null || !given && PageIds.TEMPLATE_IDS.contains(id)) {
                if (given) {
                    c.diags().error(defs[i].position(), "duplicate section id '" + id + "'");
                }
                int n = 2;
                while (used.containsKey(id + "-" + n)) {
                    n++;
                }
                id = id + "-" + n;
                used.put(id, i);
            }
            if (defs[i] == null && raw.get(i).heading() != null) {
                c.incomplete(raw.get(i).position(), "the heading \"" + Texts.clip(raw.get(i).heading(), 40)
                        + "\" has no entry in 'sections' of edition.yaml; its page is named '" + id
                        + "' and has no English title");
            }
            out.add(new Name(id, defs[i] == null ? null : defs[i].en(), given ? defs[i].position() : raw.get(i).position(), given));
        }
        return out;
    }

    /** Each section's entry in edition.yaml, found by quoting its heading, or null. */
    private static SectionDef[] entries(Context c, List<RawSection> raw) {
        Diagnostics diags = c.diags();
        SectionDef[] defs = new SectionDef[raw.size()];
        for (SectionDef d : c.layer().sections()) {
            if (d.at() == null) {
                continue;
            }
            String q = Texts.normalize(d.at().exact());
            List<Integer> hits = new ArrayList<>();
            for (int i = 0; i < raw.size(); i++) {
                if (raw.get(i).heading() != null && raw.get(i).heading().contains(q)) {
                    hits.add(i);
                }
            }
            if (hits.isEmpty()) {
                List<String> headings = raw.stream().map(RawSection::heading).filter(Objects::nonNull).toList();
                diags.error(d.at().position(), "heading \"" + Texts.clip(q, 40) + "\" not found in " + c.transcript().file()
                        + new Nearest(headings).hint(q));
            } else if (hits.size() > 1) {
                diags.error(d.at().position(), "\"" + q + "\" matches " + hits.size() + " headings; quote more of the heading");
            } else if (defs[hits.get(0)] != null) {
                diags.error(d.position(), "the heading \"" + raw.get(hits.get(0)).heading() + "\" already has an entry (line "
                        + defs[hits.get(0)].position().line() + ")");
            } else {
                defs[hits.get(0)] = d;
            }
        }
        return defs;
    }

    private static String derived(String heading) {
        String slug = Texts.slugify(heading);
        return slug.length() >= 3 ? slug : "s-" + Texts.shortHash(heading, 6);
    }
}
