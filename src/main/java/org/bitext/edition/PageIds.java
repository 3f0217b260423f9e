package org.bitext.edition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bitext.diag.Diagnostics;
import org.bitext.editorial.NoteDef;
import org.bitext.editorial.TopicDef;

/**
 * Ids that would collide on a page. The full transcript puts every section, turn and note on one
 * page, beside the templates' own ids, so an editor's id must differ from all of those; a topic id
 * names a page beside the topic index and a row of that index.
 */
public final class PageIds {
    /** The ids the templates and their script give elements (PageIdsTest keeps this list in step with them). */
    static final Set<String> TEMPLATE_IDS = Set.of("main", "top", "intro-h", "toc-h", "speakers-h", "interventions",
            "cite-edition", "cite-turns",
            "term-tip");

    /** The ids a note gives the page its section is on: its list item, its marker, the script's popover. */
    static final List<String> NOTE_PREFIXES = List.of("note-", "ref-", "pop-note-");
    /** The id of a section's heading of notes is this and the section's id. */
    static final String NOTES_HEADING = "notes-";

    private PageIds() {
    }

    /** Whether a section id could collide with an id of the templates or of a note (init avoids these). */
    public static boolean mayCollide(String sectionId) {
        return TEMPLATE_IDS.contains(sectionId) || sectionId.startsWith(NOTES_HEADING)
                || NOTE_PREFIXES.stream().anyMatch(sectionId::startsWith);
    }

    /** The ids on the full transcript's page that are not sections' or turns', with what carries each. */
    static Map<String, String> reserved(Context c, List<SectionIds.Name> sections) {
        Map<String, String> owners = new HashMap<>();
        TEMPLATE_IDS.forEach(id -> owners.put(id, "an id the templates use"));
        for (NoteDef n : c.layer().notes()) {
            if (n.id() != null) {
                String note = "note '" + n.id() + "' (line " + n.position().line() + ")";
                owners.putIfAbsent(NOTE_PREFIXES.get(0) + n.id(), "the id of " + note + " in the list of notes");
                owners.putIfAbsent(NOTE_PREFIXES.get(1) + n.id(), "the id of the marker of " + note);
                owners.putIfAbsent(NOTE_PREFIXES.get(2) + n.id(), "the id of the popover of " + note);
            }
        }
        for (SectionIds.Name s : sections) {
            owners.putIfAbsent(NOTES_HEADING + s.id(), "the id of the notes heading of section '" + s.id() + "'");
        }
        return owners;
    }

    /** Reports each section, turn and topic id that collides with another id of its page, or with a page. */
    static void check(Context c, Map<String, String> reserved, List<SectionIds.Name> sections, Pieces pieces) {
        Diagnostics diags = c.diags();
        Map<String, String> owners = new HashMap<>(reserved);
        for (SectionIds.Name s : sections) {
            String owner = reserved.get(s.id());
            if (owner != null) {
                diags.error(s.position(), "section id '" + s.id() + "' collides with " + owner);
            }
            owners.putIfAbsent(s.id(), "the id of section '" + s.id() + "'"
                    + (s.given() ? " (line " + s.position().line() + ")" : " (made from its heading)"));
        }
        for (Piece p : pieces.ordered()) {
            String owner = owners.get(p.id());
            if (owner != null) {
                diags.error(p.position(), "turn id '" + p.id() + "' collides with " + owner);
            }
        }
        for (TopicDef t : c.layer().topics()) {
            if ("index".equals(t.id())) {
                diags.error(t.position(), "topic id 'index' collides with the topic index page, topics/index.html");
            } else if (TEMPLATE_IDS.contains(t.id())) {
                diags.error(t.position(), "topic id '" + t.id() + "' collides with an id the templates use");
            }
        }
    }
}
