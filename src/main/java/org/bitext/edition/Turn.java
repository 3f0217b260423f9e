package org.bitext.edition;

import java.util.List;
import org.bitext.diag.Position;
import org.bitext.editorial.Timestamp;

/**
 * One turn of the edition: a paragraph of the source, or a part of one after a split, with its
 * speaker (after corrections), its Chinese as published, its English gloss (null while pending),
 * and what is attached to it. {@code number} counts the turns 1…N in reading order; {@code time} is
 * where the recording reaches it (null when not given).
 */
public record Turn(String id, int number, Timestamp time, String sectionId, String speaker, String sourceSpeaker, String zh, String en,
        List<Intervention> interventions, List<Mark> terms, List<Mark> notes, List<String> topics, Position position) {
    public boolean pending() {
        return en == null || en.isBlank();
    }
}
