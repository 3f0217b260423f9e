package org.bitext.edition;

import org.bitext.diag.Position;
import org.bitext.text.Bilingual;

/** A speaker of the edition; the narrator owns the text before the first label. {@code position}: its entry. */
public record Speaker(String id, Bilingual name, Bilingual about, boolean narrator, Position position) {
}
