package org.bitext.editorial;

import java.util.Locale;

/** What a note is about; the notes page groups notes by kind in this order (templates hold the labels). */
public enum NoteKind {
    PERSON,
    ORGANISATION,
    PRODUCT,
    PUBLICATION,
    EVENT,
    CONTEXT,
    CORRECTION,
    TRANSLATION,
    ATTRIBUTION;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
