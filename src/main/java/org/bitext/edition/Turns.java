package org.bitext.edition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bitext.diag.Position;
import org.bitext.editorial.TurnDef;
import org.bitext.text.Texts;

/** Cuts the paragraphs into turns, following the turn entries, and gives every turn its id. */
final class Turns {
    private Turns() {
    }

    /** {@code taken}: ids a derived turn id must not take (the templates', the sections', the notes'). */
    static Pieces run(Context c, QuoteIndex index, Attribution.Result attributed, List<SectionIds.Name> sections,
            Set<String> taken) {
        List<Para> paras = attributed.paras();
        TurnDef[] entries = entries(c, index, paras.size());
        List<List<Piece>> byParagraph = new ArrayList<>();
        Map<String, Position> explicit = new HashMap<>();
        Set<String> ids = new HashSet<>(taken);
        for (Para p : paras) {
            List<Piece> pieces = Splits.cut(c, p, entries[p.index()], attributed.speakers());
            for (Piece piece : pieces) {
                if (piece.id() != null) {
                    Position prev = explicit.putIfAbsent(piece.id(), piece.position());
                    if (prev != null) {
                        c.diags().error(piece.position(), "duplicate turn id '" + piece.id() + "' (first at line "
                                + prev.line() + ")");
                    }
                    ids.add(piece.id());
                }
            }
            byParagraph.add(pieces);
        }
        // Derived ids come from the section and the turn's own text, so editing elsewhere never moves them.
        List<Piece> ordered = new ArrayList<>();
        List<List<Piece>> numbered = new ArrayList<>();
        for (List<Piece> pieces : byParagraph) {
            List<Piece> here = new ArrayList<>();
            for (Piece piece : pieces) {
                String id = piece.id();
                if (id == null) {
                    String base = sections.get(piece.para().section()).id() + "-" + Texts.shortHash(piece.text(), 6);
                    id = base;
                    for (int n = 2; ids.contains(id); n++) {
                        id = base + "-" + n;
                    }
                    ids.add(id);
                }
                here.add(piece.numbered(ordered.size(), id));
                ordered.add(here.get(here.size() - 1));
            }
            numbered.add(List.copyOf(here));
        }
        return new Pieces(List.copyOf(ordered), List.copyOf(numbered));
    }

    /** The turn entry of each paragraph, or null. */
    private static TurnDef[] entries(Context c, QuoteIndex index, int paragraphs) {
        TurnDef[] byPara = new TurnDef[paragraphs];
        List<TurnDef> defs = c.layer().turns();
        List<List<QuoteIndex.Hit>> hits = index.locate(defs.stream().map(TurnDef::at).toList(), false);
        for (int i = 0; i < defs.size(); i++) {
            TurnDef d = defs.get(i);
            QuoteIndex.InParagraph h = index.paragraph(d.at(), hits.get(i), "turn entry");
            if (h == null) {
                continue;
            }
            int p = h.para().index();
            if (byPara[p] != null) {
                c.diags().error(d.at().position(), "this paragraph already has a turn entry (line "
                        + byPara[p].position().line() + "); put both in one entry");
                continue;
            }
            byPara[p] = d;
        }
        return byPara;
    }
}
