package org.bitext.view;

/** An editorial note. */
public record NoteView(String id, int number, String kind, String quote, String markdown, String html, String turn, SectionRef section, String url, String anchorUrl) {
}
