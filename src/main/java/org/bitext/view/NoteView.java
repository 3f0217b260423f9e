package org.bitext.view;

import java.util.List;

/** An editorial note. */
public record NoteView(String id, int number, String kind, String quote, String markdown, String html, String turn, List<WorkView> sources, SectionRef section, String url, String anchorUrl) {
}
