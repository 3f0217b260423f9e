package org.bitext.editorial;

import java.util.List;
import java.util.Map;

/**
 * Everything the editor wrote in {@code edition.yaml}, each value knowing its file:line:column.
 * {@code revisions} are in the file's order, oldest first.
 */
public record EditorialLayer(String file, EditionMeta edition, Map<String, SpeakerDef> speakers,
        List<SectionDef> sections, List<TurnDef> turns, List<NoteDef> notes, List<GlossaryEntry> glossary,
        List<TopicDef> topics, List<RevisionDef> revisions) {
}
