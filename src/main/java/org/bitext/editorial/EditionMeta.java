package org.bitext.editorial;

import java.util.List;
import org.bitext.diag.Position;
import org.bitext.text.Bilingual;

/**
 * The {@code edition:} block: titles, base URL, where the source ends, the editor's introduction,
 * and what a citation needs (the editors' names, the date of this edition; both may be absent) and
 * the recording turn times point into (null without one).
 */
public record EditionMeta(Bilingual title, String baseUrl, Bilingual description, String endBefore,
        Position endBeforePosition, Bilingual introduction, List<String> editors, String published,
        Recording recording, Position position) {
}
