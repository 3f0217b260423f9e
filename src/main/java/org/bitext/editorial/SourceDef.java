package org.bitext.editorial;

import org.bitext.diag.Position;

/**
 * A work a note relies on: title and date always, an author or a publisher (or both), a URL when it
 * is online. {@code date} is "YYYY", "YYYY-MM" or "YYYY-MM-DD".
 */
public record SourceDef(String title, String author, String publisher, String date, String url, Position position) {
}
