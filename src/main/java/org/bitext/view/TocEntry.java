package org.bitext.view;

import org.bitext.editorial.Bilingual;

/** A section in the table of contents. */
public record TocEntry(Bilingual title, String url, int turnCount) {
}
