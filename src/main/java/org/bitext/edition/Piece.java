package org.bitext.edition;

import java.util.List;
import org.bitext.diag.Position;
import org.bitext.editorial.Quote;
import org.bitext.editorial.Timestamp;

/**
 * A turn before its notes, topics and terms are attached: a stretch {@code [start, end)} of a
 * paragraph, its id, speaker and gloss, and the topics its entry names. {@code order} is its place
 * in reading order, which later stages use to index what they attach.
 */
record Piece(int order, Para para, int start, int end, String id, String speaker, String en, Intervention intervention,
        Position position, List<Quote> topicRefs, Timestamp time) {

    String text() {
        return para.text().substring(start, end);
    }

    Piece numbered(int order, String id) {
        return new Piece(order, para, start, end, id, speaker, en, intervention, position, topicRefs, time);
    }
}
