package org.bitext.edition;

import org.bitext.diag.Position;

/** A glossary term with a stable id and how many times it is marked in the text. {@code position}: its entry. */
public record Term(String id, String zh, String pinyin, String en, String note, int occurrences, Position position) {
}
