package org.bitext.view;

import java.util.List;

/** The notes of one kind, for the notes page. */
public record KindGroup(String kind, List<NoteView> notes) {
}
