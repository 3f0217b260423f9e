package org.bitext.editorial;

import org.bitext.diag.Position;

/** A glossary term: the Chinese, its pinyin with tone marks, the English used in the glosses. */
public record GlossaryEntry(String zh, String pinyin, String en, String note, Position position) {
}
