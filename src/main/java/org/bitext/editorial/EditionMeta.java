package org.bitext.editorial;

import org.bitext.diag.Position;
import org.bitext.text.Bilingual;

/** The {@code edition:} block: titles, base URL, where the source ends, the editor's introduction. */
public record EditionMeta(Bilingual title, String baseUrl, Bilingual description, String endBefore,
        Position endBeforePosition, Bilingual introduction, Position position) {
}
