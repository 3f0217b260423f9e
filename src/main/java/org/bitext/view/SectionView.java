package org.bitext.view;

import java.util.List;
import org.bitext.text.Bilingual;

/** A section with its turns and notes; a part title (part true) has neither and no page. */
public record SectionView(String id, Bilingual title, boolean part, int level, String url, int omittedImages, List<NoteRef> headingNotes, List<TurnView> turns, List<NoteView> notes, List<SpeakerCount> speakerCounts, int turnCount) {
}
