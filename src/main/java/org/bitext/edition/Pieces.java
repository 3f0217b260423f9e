package org.bitext.edition;

import java.util.List;

/** The turns of the edition in reading order, and by paragraph. */
record Pieces(List<Piece> ordered, List<List<Piece>> byParagraph) {
    /** The turn of paragraph {@code para} that holds all of {@code [start, end)}, or null if a split cuts it. */
    Piece owner(Para para, int start, int end) {
        Piece owner = null;
        for (Piece p : byParagraph.get(para.index())) {
            if (start >= p.start() && end <= p.end()) {
                owner = p;
            }
        }
        return owner;
    }
}
