package org.bitext.text;

/** A text in Chinese and in English; either may be null where the format allows it. */
public record Bilingual(String zh, String en) {
}
