package org.bitext.edition;

import java.util.List;
import org.bitext.text.Bilingual;

/** A topic and the turns it covers, in reading order. */
public record Topic(String id, Bilingual name, Bilingual description, List<String> turns) {
}
