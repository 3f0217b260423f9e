package org.bitext.view;

import java.util.List;

/** A name of the index: its note, and every turn whose Chinese holds the phrase the note quotes. */
public record NameView(NoteView note, List<TurnView> turns) {
}
