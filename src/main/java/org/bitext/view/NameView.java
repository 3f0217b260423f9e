package org.bitext.view;

import java.util.List;

/**
 * A name of the index: the name (the note's first bold words, else the phrase it quotes), its note, and
 * every turn whose Chinese holds the name or the quoted phrase.
 */
public record NameView(String name, NoteView note, List<TurnView> turns) {
}
