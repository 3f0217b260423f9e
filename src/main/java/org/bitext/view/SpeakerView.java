package org.bitext.view;

import java.util.List;
import org.bitext.text.Bilingual;

/** A speaker, with the number of turns the edition gives them. */
public record SpeakerView(String id, Bilingual name, boolean narrator, Bilingual about, List<String> labels, String url,
        int turnCount) {
}
