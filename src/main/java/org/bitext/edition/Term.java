package org.bitext.edition;

/** A glossary term with a stable id and how many times it is marked in the text. */
public record Term(String id, String zh, String pinyin, String en, String note, int occurrences) {
}
