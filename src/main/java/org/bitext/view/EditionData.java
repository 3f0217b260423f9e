package org.bitext.view;

import java.util.List;
import org.bitext.text.Bilingual;

/** edition.json: the whole edition as data (glossary and notes in the order of edition.yaml). */
public record EditionData(Bilingual introduction, List<SpeakerView> speakers, List<SectionView> sections, List<NoteView> notes, List<TopicView> topics, List<TermView> glossary,
        CitationView citation, List<RevisionView> revisions) implements PageView {
}
