package org.bitext.view;

import org.bitext.text.Bilingual;

/** What a turn shows of its speaker. */
public record SpeakerRef(String id, Bilingual name, String url) {
}
