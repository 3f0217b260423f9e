package org.bitext.view;

import org.bitext.text.Bilingual;

/** A speaker, with the number of turns the edition gives them. */
public record SpeakerView(String id, Bilingual name, boolean narrator, Bilingual about, String url, int turnCount) {
}
