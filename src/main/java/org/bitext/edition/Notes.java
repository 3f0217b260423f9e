package org.bitext.edition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bitext.diag.Diagnostics;
import org.bitext.diag.Position;
import org.bitext.editorial.NoteDef;
import org.bitext.text.Texts;
import org.bitext.transcript.RawSection;

/** Anchors each note on its quote: in one turn, or in a section's heading. */
final class Notes {
    /**
     * The notes by id; the ids of the notes on each section's heading, by section id; each turn's note
     * marks, by the turn's place in reading order.
     */
    record Result(Map<String, Note> notes, Map<String, List<String>> onHeadings, List<List<Mark>> marks) {
    }

    private Notes() {
    }

    static Result run(Context c, QuoteIndex index, Pieces pieces, List<SectionIds.Name> sections) {
        Diagnostics diags = c.diags();
        List<NoteDef> defs = c.layer().notes();
        List<List<QuoteIndex.Hit>> hits = index.locate(defs.stream().map(NoteDef::at).toList(), true);
        Map<String, Note> out = new LinkedHashMap<>();
        Map<String, List<String>> onHeadings = new HashMap<>();
        List<List<Mark>> marks = new ArrayList<>();
        pieces.ordered().forEach(p -> marks.add(new ArrayList<>()));
        Map<String, Position> seen = new HashMap<>();
        for (int i = 0; i < defs.size(); i++) {
            NoteDef d = defs.get(i);
            if (d.id() != null) {
                Position prev = seen.putIfAbsent(d.id(), d.position());
                if (prev != null) {
                    diags.error(d.position(), "duplicate note id '" + d.id() + "' (first at line " + prev.line() + ")");
                    continue;
                }
            }
            if (d.at() == null) {
                continue;
            }
            QuoteIndex.Hit h = index.single(d.at(), hits.get(i), "note", true);
            if (h == null || d.id() == null || d.kind() == null || d.text() == null) {
                continue;
            }
            String quote = Texts.normalize(d.at().exact());
            if (h instanceof QuoteIndex.InHeading heading) {
                RawSection raw = c.transcript().sections().get(heading.section());
                if (raw.isPartTitle()) {
                    diags.error(d.at().position(), "note quote \"" + Texts.clip(quote, 40) + "\" is in the part title \""
                            + raw.heading() + "\", which has no page of its own",
                            "anchor the note on a phrase of the first section of the part");
                    continue;
                }
                String section = sections.get(heading.section()).id();
                onHeadings.computeIfAbsent(section, k -> new ArrayList<>()).add(d.id());
                out.put(d.id(), new Note(d.id(), d.kind(), quote, section, null, d.text(), d.sources(), d.position()));
            } else if (h instanceof QuoteIndex.InParagraph in) {
                int end = in.start() + quote.length();
                Piece owner = pieces.owner(in.para(), in.start(), end);
                if (owner == null) {
                    diags.error(d.at().position(), "note quote \"" + Texts.clip(quote, 40)
                            + "\" straddles a split between two turns; quote a phrase inside one turn");
                    continue;
                }
                marks.get(owner.order()).add(new Mark(in.start() - owner.start(), end - owner.start(), d.id()));
                out.put(d.id(), new Note(d.id(), d.kind(), quote, sections.get(in.para().section()).id(), owner.id(),
                        d.text(), d.sources(), d.position()));
            }
        }
        for (List<Mark> list : marks) {
            list.sort((a, b) -> a.end() != b.end() ? Integer.compare(a.end(), b.end()) : Integer.compare(a.start(), b.start()));
        }
        return new Result(out, onHeadings, marks);
    }
}
