package org.bitext.transcript;

/** The metadata lines at the top of the published article; any may be null. */
public record SourceMeta(String author, String published, String place, String url, String cover) {
    public static final SourceMeta EMPTY = new SourceMeta(null, null, null, null, null);
}
