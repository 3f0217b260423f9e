package org.bitext.view;

import java.util.List;

/** names.html: every person, organisation, product and event the notes are about, with the turns naming each. */
public record NamesPage(List<NameGroup> groups) implements PageView {
}
