package org.bitext.view;

import org.bitext.text.Bilingual;

/** What a turn, a note or a pager link shows of a section. */
public record SectionRef(String id, Bilingual title, String url) {
}
