package org.bitext.view;

/** A glossary entry. */
public record TermView(String id, String zh, String pinyin, String en, String note, String noteHtml, int occurrences) {
}
