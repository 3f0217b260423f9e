package org.bitext.edition;

import java.util.List;
import org.bitext.text.Bilingual;

/**
 * A section of the edition. A part title ({@code part} true) has no turns and no page of its own; it
 * groups the sections after it in the table of contents.
 */
public record Section(String id, Bilingual title, int level, boolean part, List<Turn> turns, List<String> notes,
        int omittedImages) {
}
