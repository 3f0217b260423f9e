package org.bitext.edition;

import org.bitext.transcript.Paragraph;

/** A paragraph of the transcript: its index, its section, and whom the source's labelling gives it to. */
record Para(int index, int section, Paragraph paragraph, String sourceSpeaker) {
    String text() {
        return paragraph.text();
    }
}
