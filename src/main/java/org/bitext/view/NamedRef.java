package org.bitext.view;

import org.bitext.text.Bilingual;

/** What a turn shows of its speaker or of a topic it belongs to: the id, the name and the page. */
public record NamedRef(String id, Bilingual name, String url) {
}
