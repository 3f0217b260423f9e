package org.bitext.edition;

/** A stretch of a turn's Chinese text that carries something: a glossary term or a note's anchor. */
public record Mark(int start, int end, String id) {
}
