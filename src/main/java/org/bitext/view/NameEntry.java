package org.bitext.view;

import java.util.List;

/** One entry of the index of names: the note about the name and every turn whose Chinese names it. */
public record NameEntry(NoteView note, List<TurnRef> turns) {
}
