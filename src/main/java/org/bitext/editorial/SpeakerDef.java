package org.bitext.editorial;

import java.util.List;
import org.bitext.diag.Position;
import org.bitext.text.Bilingual;

/** A speaker as the editor defines it: names, the source labels meaning them, an optional description. */
public record SpeakerDef(String id, Bilingual name, List<String> labels, boolean beforeFirstLabel, Bilingual about,
        Position position) {
}
