package org.bitext.view;

import java.util.List;

/** The names of one kind (person, organisation, product, event) in the index of names. */
public record NameGroup(String kind, List<NameEntry> names) {
}
