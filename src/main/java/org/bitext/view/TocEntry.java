package org.bitext.view;

import org.bitext.text.Bilingual;

/** A section in the table of contents. */
public record TocEntry(String id, Bilingual title, String url, int turnCount) {
}
