package org.bitext.editorial;

import java.util.List;
import org.bitext.diag.Position;

/** An editorial note anchored on a quoted phrase; {@code text} is Markdown; {@code sources} its bibliography. */
public record NoteDef(String id, Quote at, NoteKind kind, String text, List<SourceDef> sources, Position position) {
}
