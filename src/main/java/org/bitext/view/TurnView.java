package org.bitext.view;

import java.util.List;

/** One turn of the conversation. */
public record TurnView(String id, int number, String url, TimeView time, String cite, String citeUrl, SectionRef section, NamedRef speaker, String zh, String en, boolean pending, boolean continues, List<PieceView> pieces, List<NoteRef> notes, List<NamedRef> topics, InterventionView intervention) {
}
