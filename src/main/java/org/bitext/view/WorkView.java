package org.bitext.view;

/** A source a note cites; author, publisher and url may be null (one of author and publisher is set). */
public record WorkView(String title, String author, String publisher, String date, String url) {
}
