package org.bitext.edition;

import java.util.List;
import java.util.Map;
import org.bitext.editorial.EditionMeta;
import org.bitext.editorial.RevisionDef;
import org.bitext.transcript.SourceMeta;

/** The whole edition: the transcript with the editorial layer applied, ready to render; revisions oldest first. */
public record Edition(EditionMeta meta, SourceMeta source, String sourceSha256, List<Speaker> speakers,
        List<Section> sections, Map<String, Note> notes, List<Term> glossary, List<Topic> topics,
        List<RevisionDef> revisions) {

    public List<Section> pages() {
        return sections.stream().filter(s -> !s.part()).toList();
    }

    public int turnCount() {
        return sections.stream().mapToInt(s -> s.turns().size()).sum();
    }
}
