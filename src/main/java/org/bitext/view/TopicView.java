package org.bitext.view;

import java.util.List;
import org.bitext.text.Bilingual;

/** A topic of the index. */
public record TopicView(String id, Bilingual name, Bilingual description, String url, int count, List<String> turnIds) {
}
