package org.bitext.view;

import java.util.List;

/**
 * One entry of the index of names: the name (the note's first bold words, else the phrase it quotes),
 * the note about it, its turns by the quoted phrase (the site's list) and by the phrase or the name (the EPUB's).
 */
public record NameEntry(String name, NoteView note, List<TurnRef> turns, List<TurnRef> named) {
}
