package org.bitext.view;

/** A note marker in the text: enough to number it and link to the note. */
public record NoteRef(String id, int number, String kind, String url) {
}
