package org.bitext.view;

/** The published article the edition is made from, and the checksum of its text. */
public record SourceView(String author, String published, String place, String url, String sha256) {
}
