package org.bitext.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bitext.Bitext;
import org.bitext.TestSupport;
import org.bitext.diag.BuildFailure;
import org.bitext.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotatorTest {
    @TempDir
    Path tmp;

    private Edition load(Path content) throws BuildFailure {
        return Bitext.load(content, false, new Diagnostics());
    }

    private static Map<String, Turn> turns(Edition e) {
        return e.sections().stream().flatMap(s -> s.turns().stream())
                .collect(Collectors.toMap(Turn::id, Function.identity()));
    }

    private String errorsOf(Path content) {
        Diagnostics diags = new Diagnostics();
        assertThrows(BuildFailure.class, () -> Bitext.load(content, false, diags));
        return diags.errors().stream().map(d -> d.position() + ": " + d.message()).collect(Collectors.joining("\n"));
    }

    @Test
    void labelsContinuationAndNarratorGiveEachParagraphItsSpeaker() throws Exception {
        Map<String, Turn> t = turns(load(TestSupport.MINI));
        assertEquals("narrator", t.get("intro").speaker());
        assertEquals("host", t.get("welcome").speaker());
        Turn continued = load(TestSupport.MINI).sections().get(2).turns().get(1);
        assertEquals("你怎么看合成数据？", continued.zh());
        assertEquals("host", continued.speaker());
        assertEquals("altman", t.get("regulation-answer").speaker());
    }

    @Test
    void aSplitCutsTheParagraphAtTheQuoteAndGivesThePartItsSpeaker() throws Exception {
        Map<String, Turn> t = turns(load(TestSupport.MINI));
        assertEquals("关键在于高质量的数据。无论是合成数据还是人类数据都一样。", t.get("quality").zh());
        assertEquals("altman", t.get("quality").speaker());
        Turn split = t.get("next-model");
        assertEquals("那么下一代模型会怎样？", split.zh());
        assertEquals("host", split.speaker());
        assertEquals("altman", split.sourceSpeaker());
        assertEquals(Intervention.Kind.SPLIT, split.interventions().get(0).kind());
        assertTrue(split.interventions().get(0).reason().contains("runs it into the answer"));
    }

    @Test
    void aReassignmentIsRecordedWithTheSourceSpeakerAndReason() throws Exception {
        Path c = TestSupport.copyMini(tmp.resolve("c"));
        TestSupport.replaceIn(c.resolve("edition.yaml"), "    id: regulation-answer\n",
                "    id: regulation-answer\n    speaker: host\n    reason: Test reason.\n");
        Turn t = turns(load(c)).get("regulation-answer");
        assertEquals("host", t.speaker());
        assertEquals("altman", t.sourceSpeaker());
        assertEquals(Intervention.Kind.REATTRIBUTED, t.interventions().get(0).kind());
        assertEquals("Test reason.", t.interventions().get(0).reason());
    }

    @Test
    void notesAnchorOnTheirQuoteUsingPrefixToDisambiguate() throws Exception {
        Edition e = load(TestSupport.MINI);
        Note n = e.notes().get("synthetic");
        Turn owner = turns(e).get(n.turn());
        assertEquals("你怎么看合成数据？", owner.zh());
        assertEquals(List.of(new Mark(4, 8, "synthetic")), owner.notes());
        Note heading = e.notes().get("heading-note");
        assertNull(heading.turn());
        assertEquals("part-one", heading.sectionId());
    }

    @Test
    void aQuoteThatMatchesNothingShowsTheNearestText() throws Exception {
        Path c = TestSupport.copyMini(tmp.resolve("c"));
        TestSupport.replaceIn(c.resolve("edition.yaml"), "at: AI for Good全球峰会", "at: AI for Good全球会议");
        String errors = errorsOf(c);
        assertTrue(errors.contains("edition.yaml:52:9: note quote \"AI for Good全球会议\" matches nothing in"), errors);
        assertTrue(errors.contains("nearest text: \"…日内瓦举行的AI for Good全球峰会上，Sa…\""), errors);
    }

    @Test
    void aQuoteThatMatchesSeveralPlacesIsAmbiguous() throws Exception {
        Path c = TestSupport.copyMini(tmp.resolve("c"));
        TestSupport.replaceIn(c.resolve("edition.yaml"), "    prefix: 你怎么看\n", "");
        String errors = errorsOf(c);
        assertTrue(errors.contains("note quote \"合成数据\" is ambiguous: it matches 3 places"), errors);
    }

    @Test
    void topicsCollectTheirTurnsInReadingOrder() throws Exception {
        Edition e = load(TestSupport.MINI);
        Topic regulation = e.topics().stream().filter(t -> t.id().equals("regulation")).findFirst().orElseThrow();
        assertEquals(List.of("welcome", "next-model", "regulation-question", "regulation-answer"), regulation.turns());
    }

    @Test
    void glossaryTermsAreMarkedWhereTheyOccur() throws Exception {
        Edition e = load(TestSupport.MINI);
        Term t = e.glossary().stream().filter(g -> g.zh().equals("合成数据")).findFirst().orElseThrow();
        assertEquals(3, t.occurrences());
        assertEquals("g-hecheng-shuju", t.id());
    }

    @Test
    void turnIdsDoNotShiftWhenTheTranscriptIsEditedElsewhere() throws Exception {
        Path c = TestSupport.copyMini(tmp.resolve("c"));
        List<String> before = load(c).sections().stream().flatMap(s -> s.turns().stream()).map(Turn::id).toList();
        TestSupport.replaceIn(c.resolve("transcript.md"), "**主持人：** 你好，Sam。", "**主持人：** 新加的一段。\n\n你好，Sam。");
        List<String> after = load(c).sections().stream().flatMap(s -> s.turns().stream()).map(Turn::id).toList();
        assertEquals(before.size() + 1, after.size());
        assertTrue(after.containsAll(before), after + " should keep " + before);
    }

    @Test
    void strictModeMakesAMissingGlossAnError() throws Exception {
        Path c = TestSupport.copyMini(tmp.resolve("c"));
        TestSupport.replaceIn(c.resolve("edition.yaml"), "    en: Regulation takes time. We learn together.\n", "");
        Diagnostics lenient = new Diagnostics();
        Edition e = Bitext.load(c, false, lenient);
        assertTrue(turns(e).get("regulation-answer").pending());
        assertTrue(lenient.warnings().stream().anyMatch(d -> d.message().contains("no English gloss")));
        Diagnostics strict = new Diagnostics();
        assertThrows(BuildFailure.class, () -> Bitext.load(c, true, strict));
        assertTrue(strict.errors().get(0).message().contains("'regulation-answer'"), strict.errors().toString());
    }

    @Test
    void anUnknownLabelIsAnErrorAtTheLabel() throws Exception {
        Path c = TestSupport.copyMini(tmp.resolve("c"));
        TestSupport.replaceIn(c.resolve("transcript.md"), "**Sam Altman:** 监管", "**Sam Altmann:** 监管");
        String errors = errorsOf(c);
        assertTrue(errors.contains("transcript.md:32:1: unknown speaker label 'Sam Altmann'; did you mean 'Sam Altman'?"), errors);
    }

    @Test
    void splitsOutOfOrderAreRejected() throws Exception {
        Path c = TestSupport.copyMini(tmp.resolve("c"));
        TestSupport.replaceIn(c.resolve("edition.yaml"), "      - at: 那么下一代模型\n",
                "      - at: 那么下一代模型\n        speaker: host\n        reason: r\n        en: x\n      - at: 无论是合成数据\n");
        String errors = errorsOf(c);
        assertTrue(errors.contains("comes before the previous split"), errors);
    }
}
