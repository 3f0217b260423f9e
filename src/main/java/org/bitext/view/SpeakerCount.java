package org.bitext.view;

/** A speaker and how many turns they have on a page (the speaker filter). */
public record SpeakerCount(NamedRef speaker, int count) {
}
