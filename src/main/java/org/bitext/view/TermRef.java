package org.bitext.view;

/** What a marked term in the Chinese text shows of its glossary entry. */
public record TermRef(String id, String pinyin, String en) {
}
