package org.bitext.editorial;

import org.bitext.diag.Position;

/** An editorial note anchored on a quoted phrase; {@code text} is Markdown. */
public record NoteDef(String id, Quote at, NoteKind kind, String text, Position position) {
}
