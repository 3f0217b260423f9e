package org.bitext.editorial;

import java.util.List;
import org.bitext.diag.Position;

/** A point where a paragraph is cut into a new turn, with that turn's speaker, reason, gloss and recording time. */
public record SplitDef(Quote at, String id, String speaker, String reason, String en, List<Quote> topics, Timestamp time,
        Position position) {
}
