package org.bitext.view;

/** Where the recording reaches a turn: the time as shown ("12:34") and the link to that moment. */
public record TimeView(String text, int seconds, String url) {
}
