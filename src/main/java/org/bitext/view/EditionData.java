package org.bitext.view;

import java.util.List;

/** edition.json: the whole edition as data (glossary and notes in the order of edition.yaml). */
public record EditionData(List<SpeakerView> speakers, List<SectionView> sections, List<NoteView> notes, List<TopicView> topics, List<TermView> glossary,
        CitationView citation, List<RevisionView> revisions) implements PageView {
}
