package org.bitext.view;

import org.bitext.text.Bilingual;

/** What a turn shows of a topic it belongs to. */
public record TopicRef(String id, Bilingual name, String url) {
}
