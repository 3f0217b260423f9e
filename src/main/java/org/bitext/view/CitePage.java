package org.bitext.view;

import java.util.List;

/** cite.html: how to cite the edition, and the citation of every turn (the Cite links land here without script). */
public record CitePage(CitationView citation, List<TurnView> turns) implements PageView {
}
