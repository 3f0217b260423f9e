package org.bitext.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.bitext.Bitext;
import org.bitext.TestSupport;
import org.bitext.diag.BuildFailure;
import org.bitext.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Turn numbers, recording times and the apparatus the annotator hands on. */
class ApparatusEditionTest {
    @TempDir
    Path tmp;

    private static List<Turn> turns(Edition e) {
        return e.sections().stream().flatMap(s -> s.turns().stream()).toList();
    }

    @Test
    void turnsAreNumberedOneToNInReadingOrderSplitsIncluded() throws Exception {
        List<Turn> turns = turns(Bitext.load(TestSupport.MINI, false, new Diagnostics()));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), turns.stream().map(Turn::number).toList());
        assertEquals(List.of("intro", "welcome"), turns.subList(0, 2).stream().map(Turn::id).toList());
        assertEquals(5, turns.stream().filter(t -> t.id().equals("next-model")).findFirst().orElseThrow().number());
    }

    @Test
    void timesSourcesAndRevisionsReachTheEdition() throws Exception {
        Edition e = Bitext.load(TestSupport.MINI, false, new Diagnostics());
        List<Turn> turns = turns(e);
        assertNull(turns.get(0).time());
        assertEquals(45, turns.get(1).time().seconds());
        assertEquals(178, turns.get(4).time().seconds());
        assertEquals(2, e.notes().get("summit").sources().size());
        assertEquals(List.of("2025-01-15", "2025-03-02"), e.revisions().stream().map(r -> r.date()).toList());
    }

    @Test
    void timesRunningBackwardsInASectionWarnAndFailUnderStrict() throws Exception {
        Path content = TestSupport.copyMini(tmp);
        TestSupport.replaceIn(content.resolve("edition.yaml"), "time: \"2:58\"", "time: \"1:58\"");
        Diagnostics diags = new Diagnostics();
        Bitext.load(content, false, diags);
        assertEquals(List.of("time 1:58 is earlier than the time 2:10 of a turn before it in this section (line 33); "
                + "times must not run backwards"), diags.warnings().stream().map(d -> d.message()).toList());
        Diagnostics strict = new Diagnostics();
        assertThrows(BuildFailure.class, () -> Bitext.load(content, true, strict));
        assertEquals(1, strict.errors().size());
    }

    @Test
    void aLaterSectionMayStartEarlierInTheRecording() throws Exception {
        Path content = TestSupport.copyMini(tmp);
        TestSupport.replaceIn(content.resolve("edition.yaml"), "time: \"1:03:05\"", "time: \"0:05\"");
        Diagnostics diags = new Diagnostics();
        Bitext.load(content, false, diags);
        assertEquals(List.of(), diags.warnings());
    }
}
