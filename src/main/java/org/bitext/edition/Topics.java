package org.bitext.edition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bitext.editorial.Quote;
import org.bitext.editorial.TopicDef;
import org.bitext.text.Texts;

/** Gives topics their turns: by the topics' quotes, and by the topics a turn entry names. */
final class Topics {
    /** The topics, and each turn's topic ids in the order the topics are defined, by reading order. */
    record Result(List<Topic> topics, List<List<String>> ofTurn) {
    }

    private Topics() {
    }

    /** The turn whose id the quote is, when the quote is not text of the transcript; otherwise null. */
    private static Piece turnNamed(Quote q, Map<String, Piece> byId, Pieces pieces) {
        Piece p = byId.get(q.exact().strip());
        if (p == null) {
            return null;
        }
        String quoted = Texts.normalize(q.exact());
        return pieces.ordered().stream().anyMatch(other -> other.text().contains(quoted)) ? null : p;
    }

    static Result run(Context c, QuoteIndex index, Pieces pieces) {
        List<TopicDef> defs = c.layer().topics();
        List<Set<String>> ofTurn = new ArrayList<>();
        pieces.ordered().forEach(p -> ofTurn.add(new LinkedHashSet<>()));
        List<Quote> quotes = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        Map<String, Piece> byId = new HashMap<>();
        pieces.ordered().forEach(p -> byId.put(p.id(), p));
        for (TopicDef t : defs) {
            for (Quote q : t.turns()) {
                Piece named = turnNamed(q, byId, pieces);
                if (named != null) {
                    c.diags().error(q.position(), "'" + q.exact() + "' is a turn id, but a topic's 'turns' lists a quote from each turn",
                            "quote a phrase of that turn instead, such as '" + Texts.clip(named.text().strip(), 12) + "'");
                    ofTurn.get(named.order()).add(t.id());
                    continue;
                }
                quotes.add(q);
                owners.add(t.id());
            }
        }
        List<List<QuoteIndex.Hit>> hits = index.locate(quotes, false);
        for (int i = 0; i < quotes.size(); i++) {
            QuoteIndex.InParagraph h = index.paragraph(quotes.get(i), hits.get(i), "topic");
            if (h == null) {
                continue;
            }
            int end = h.start() + Texts.normalize(quotes.get(i).exact()).length();
            Piece owner = pieces.owner(h.para(), h.start(), end);
            if (owner == null) {
                c.diags().error(quotes.get(i).position(), "topic quote straddles a split between two turns; quote a phrase inside one turn");
                continue;
            }
            ofTurn.get(owner.order()).add(owners.get(i));
        }
        Map<String, Integer> order = new LinkedHashMap<>(); // a topic's place among the definitions
        for (TopicDef t : defs) {
            order.putIfAbsent(t.id(), order.size());
        }
        for (Piece p : pieces.ordered()) {
            for (Quote q : p.topicRefs()) {
                if (!order.containsKey(q.exact())) {
                    c.diags().error(q.position(), "unknown topic '" + q.exact() + "'"
                            + Texts.didYouMean(q.exact(), order.keySet()));
                } else {
                    ofTurn.get(p.order()).add(q.exact());
                }
            }
        }
        // one pass over the turns, not one per topic: linear in turns + topics
        Map<String, List<String>> turnsOf = new HashMap<>();
        List<List<String>> sorted = new ArrayList<>();
        for (Piece p : pieces.ordered()) {
            for (String id : ofTurn.get(p.order())) {
                turnsOf.computeIfAbsent(id, k -> new ArrayList<>()).add(p.id());
            }
            List<String> mine = new ArrayList<>(ofTurn.get(p.order()));
            mine.sort((a, b) -> Integer.compare(order.get(a), order.get(b)));
            sorted.add(List.copyOf(mine));
        }
        List<Topic> out = new ArrayList<>();
        for (TopicDef t : defs) {
            List<String> turns = turnsOf.getOrDefault(t.id(), List.of());
            if (turns.isEmpty()) {
                c.diags().warning(t.position(), "topic '" + t.id() + "' covers no turn");
            }
            out.add(new Topic(t.id(), t.name(), t.description(), List.copyOf(turns)));
        }
        return new Result(out, sorted);
    }
}
