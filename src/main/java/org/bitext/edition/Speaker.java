package org.bitext.edition;

import java.util.List;
import org.bitext.diag.Position;
import org.bitext.text.Bilingual;

/**
 * A speaker of the edition; the narrator owns the text before the first label. {@code labels}: the transcript's
 * labels that mean them, as the editor wrote them; {@code position}: its entry.
 */
public record Speaker(String id, Bilingual name, List<String> labels, Bilingual about, boolean narrator, Position position) {
}
