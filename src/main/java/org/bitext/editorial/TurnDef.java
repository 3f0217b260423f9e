package org.bitext.editorial;

import java.util.List;
import org.bitext.diag.Position;

/**
 * The editor's entry for one paragraph: its English gloss, an optional reassignment (speaker and
 * reason), optional splits into further turns, and where the recording reaches it (or null).
 */
public record TurnDef(Quote at, String id, String en, String speaker, String reason, List<SplitDef> splits,
        List<Quote> topics, Timestamp time, Position position) {
}
