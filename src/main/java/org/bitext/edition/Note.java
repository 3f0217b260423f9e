package org.bitext.edition;

import org.bitext.diag.Position;
import java.util.List;
import org.bitext.editorial.NoteKind;
import org.bitext.editorial.SourceDef;

/** An anchored note: on a turn ({@code turn} set) or on a section heading ({@code turn} null). */
public record Note(String id, NoteKind kind, String quote, String sectionId, String turn, String markdown,
        List<SourceDef> sources, Position position) {
}
