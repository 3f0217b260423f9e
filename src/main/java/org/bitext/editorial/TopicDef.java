package org.bitext.editorial;

import java.util.List;
import org.bitext.diag.Position;
import org.bitext.text.Bilingual;

/** A topic: names in both languages and the turns it covers, each pointed at by a quote. */
public record TopicDef(String id, Bilingual name, Bilingual description, List<Quote> turns, Position position) {
}
