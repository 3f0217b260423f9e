package org.bitext.edition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bitext.diag.Diagnostics;
import org.bitext.text.Bilingual;
import org.bitext.editorial.EditorialLayer;
import org.bitext.transcript.RawSection;
import org.bitext.transcript.Transcript;

/**
 * Applies the editorial layer to the transcript: gives every paragraph its speaker, resolves every
 * quote to exactly one place, performs reassignments and splits, attaches notes, topics and glossary
 * terms. Every problem becomes a diagnostic; nothing is dropped silently.
 *
 * <p>Each stage is its own class and hands the next what it made, as values.
 */
public final class Annotator {
    private final Context context;

    public Annotator(Transcript transcript, EditorialLayer layer, boolean strict, Diagnostics diags) {
        this.context = new Context(transcript, layer, strict, diags);
    }

    public Edition annotate() {
        Context c = context;
        Attribution.Result attributed = Attribution.run(c);
        List<SectionIds.Name> sections = SectionIds.run(c);
        Map<String, String> reserved = PageIds.reserved(c, sections);
        Set<String> taken = new HashSet<>(reserved.keySet());
        sections.forEach(s -> taken.add(s.id()));
        QuoteIndex index = new QuoteIndex(c.transcript(), attributed.paras(), c.diags());
        Pieces pieces = Turns.run(c, index, attributed, sections, taken);
        Notes.Result notes = Notes.run(c, index, pieces, sections);
        Topics.Result topics = Topics.run(c, index, pieces);
        Glossary.Result glossary = Glossary.run(c, pieces.ordered());
        Completeness.check(c, pieces.ordered(), attributed.speakers(), topics);
        PageIds.check(c, reserved, sections, pieces);
        Completeness.times(c, pieces.ordered());
        return new Edition(c.layer().edition(), c.transcript().meta(), c.transcript().sha256(),
                List.copyOf(attributed.speakers().values()), sections(pieces, sections, notes, topics, glossary),
                notes.notes(), glossary.terms(), topics.topics(), c.layer().revisions());
    }

    private List<Section> sections(Pieces pieces, List<SectionIds.Name> names, Notes.Result notes, Topics.Result topics,
            Glossary.Result glossary) {
        List<RawSection> raw = context.transcript().sections();
        List<List<Turn>> turns = new ArrayList<>(); // one pass over the turns, not one per section
        raw.forEach(s -> turns.add(new ArrayList<>()));
        for (Piece p : pieces.ordered()) {
            int s = p.para().section();
            turns.get(s).add(new Turn(p.id(), p.order() + 1, p.time(), names.get(s).id(), p.speaker(), p.para().sourceSpeaker(), p.text(), p.en(),
                    p.intervention() == null ? List.of() : List.of(p.intervention()), glossary.marks().get(p.order()),
                    List.copyOf(notes.marks().get(p.order())), topics.ofTurn().get(p.order()), p.position()));
        }
        List<Section> out = new ArrayList<>();
        for (int s = 0; s < raw.size(); s++) {
            RawSection r = raw.get(s);
            String id = names.get(s).id();
            out.add(new Section(id, new Bilingual(r.heading() == null ? "" : r.heading(), names.get(s).en()), r.level(),
                    r.isPartTitle(), List.copyOf(turns.get(s)), List.copyOf(notes.onHeadings().getOrDefault(id, List.of())),
                    r.omittedImages()));
        }
        return List.copyOf(out);
    }
}
