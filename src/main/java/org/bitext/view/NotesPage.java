package org.bitext.view;

import java.util.List;

/** notes.html: every note by kind, and every editorial intervention. */
public record NotesPage(int noteCount, List<KindGroup> byKind, List<TurnView> interventions) implements PageView {
}
