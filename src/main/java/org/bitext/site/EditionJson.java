package org.bitext.site;

import java.io.IOException;
import java.io.Writer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.bitext.edition.Edition;
import org.bitext.edition.Mark;
import org.bitext.edition.Speaker;
import org.bitext.edition.Turn;
import org.bitext.text.Bilingual;
import org.bitext.render.Pages;

/**
 * {@code edition.json}: the whole edition as data, in the documented contract. Written as a stream:
 * the entries of the long lists (sections with their turns, notes, topics, glossary) are made one at
 * a time while the text goes out, so a 100 000-turn edition never holds its JSON in memory.
 */
public final class EditionJson {
    private EditionJson() {
    }

    public static String of(Edition e) {
        return Json.write(tree(e));
    }

    public static void write(Edition e, Writer out) throws IOException {
        Json.write(tree(e), out);
    }

    /** A list whose element i is made from {@code from.get(i)} each time it is asked for. */
    private static <T> List<Object> lazy(List<T> from, Function<T, Object> make) {
        return new AbstractList<>() {
            @Override
            public Object get(int i) {
                return make.apply(from.get(i));
            }

            @Override
            public int size() {
                return from.size();
            }
        };
    }

    private static Map<String, Object> tree(Edition e) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("title", bi(e.meta().title()));
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("url", e.source().url());
        source.put("author", e.source().author());
        source.put("published", e.source().published());
        source.put("sha256", e.sourceSha256());
        root.put("source", source);
        root.put("base_url", e.meta().baseUrl());
        List<Object> speakers = new ArrayList<>();
        for (Speaker s : e.speakers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("name", bi(s.name()));
            m.put("narrator", s.narrator());
            speakers.add(m);
        }
        root.put("speakers", speakers);
        root.put("sections", lazy(e.sections(), s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("title", bi(s.title()));
            m.put("part", s.part());
            m.put("url", s.part() ? null : Pages.section(s.id()));
            List<Object> turns = new ArrayList<>();
            for (Turn t : s.turns()) {
                Map<String, Object> tm = new LinkedHashMap<>();
                tm.put("id", t.id());
                tm.put("speaker", t.speaker());
                tm.put("zh", t.zh());
                tm.put("en", t.en());
                tm.put("notes", t.notes().stream().map(Mark::id).toList());
                tm.put("topics", t.topics());
                if (!t.interventions().isEmpty()) {
                    var iv = t.interventions().get(0);
                    Map<String, Object> im = new LinkedHashMap<>();
                    im.put("kind", iv.kind().name().toLowerCase(Locale.ROOT));
                    im.put("source_speaker", iv.sourceSpeaker());
                    im.put("reason", iv.reason());
                    tm.put("intervention", im);
                }
                turns.add(tm);
            }
            m.put("turns", turns);
            return m;
        }));
        root.put("notes", lazy(List.copyOf(e.notes().values()), n -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", n.id());
            m.put("kind", n.kind().id());
            m.put("turn", n.turn());
            m.put("section", n.sectionId());
            m.put("quote", n.quote());
            m.put("text", n.markdown());
            return m;
        }));
        root.put("topics", lazy(e.topics(), t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("name", bi(t.name()));
            m.put("turns", t.turns());
            return m;
        }));
        root.put("glossary", lazy(e.glossary(), t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("zh", t.zh());
            m.put("pinyin", t.pinyin());
            m.put("en", t.en());
            m.put("occurrences", t.occurrences());
            return m;
        }));
        return root;
    }

    private static Map<String, Object> bi(Bilingual b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("zh", b == null ? null : b.zh());
        m.put("en", b == null ? null : b.en());
        return m;
    }
}
