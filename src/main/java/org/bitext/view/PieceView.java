package org.bitext.view;

import java.util.List;

/** A stretch of a turn's Chinese: plain text or a glossary term, and the note markers right after it. */
public record PieceView(String text, TermRef term, List<NoteRef> notes) {
}
