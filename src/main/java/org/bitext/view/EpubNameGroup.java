package org.bitext.view;

import java.util.List;

/** In the EPUB: the names of one kind of note (person, organisation, product, event) in the index of names. */
public record EpubNameGroup(String kind, List<NameView> names) {
}
