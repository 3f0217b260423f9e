package org.bitext.editorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bitext.diag.Diagnostic;
import org.bitext.diag.Diagnostics;
import org.junit.jupiter.api.Test;

class EditorialReaderTest {
    private static final String MINIMAL = """
            edition:
              title: {zh: 标题, en: Title}
              source: {end_before: 往期回顾}
            speakers:
              host: {zh: 主持人, en: Host, labels: [主持人]}
            """;

    private final Diagnostics diags = new Diagnostics();

    private EditorialLayer read(String yaml) {
        return new EditorialReader().read("e.yaml", yaml, diags);
    }

    private String only() {
        List<Diagnostic> errors = diags.errors();
        assertEquals(1, errors.size(), errors.toString());
        Diagnostic d = errors.get(0);
        return d.position() + ": " + d.message();
    }

    @Test
    void readsAMinimalLayerWithPositions() {
        EditorialLayer layer = read(MINIMAL);
        assertTrue(diags.errors().isEmpty(), diags.errors().toString());
        assertEquals("往期回顾", layer.edition().endBefore());
        SpeakerDef host = layer.speakers().get("host");
        assertEquals(List.of("主持人"), host.labels());
        assertEquals(5, host.position().line());
        assertEquals(3, host.position().column());
    }

    @Test
    void unknownKeySuggestsTheNearestKnownOne() {
        read(MINIMAL + "notes:\n  - {id: a, at: 问, kind: context, txt: hi}\n");
        String e = diags.errors().get(0).position() + ": " + diags.errors().get(0).message();
        assertTrue(e.startsWith("e.yaml:7:35: unknown key 'txt' in a note; did you mean 'text'?"), e);
    }

    @Test
    void wrongTypeNamesTheKeyAndWhatWasFound() {
        read(MINIMAL.replace("labels: [主持人]", "labels: 主持人"));
        assertEquals("e.yaml:5:37: 'labels' in speaker 'host' must be a list, found '主持人'", only());
    }

    @Test
    void syntaxErrorPointsAtTheProblem() {
        read(MINIMAL + "turns:\n  - at: \"unclosed\n");
        String e = only();
        assertTrue(e.startsWith("e.yaml:"), e);
        assertTrue(e.contains("YAML syntax error"), e);
    }

    @Test
    void tabIndentationIsNamed() {
        read(MINIMAL + "turns:\n\t- at: x\n");
        assertTrue(only().contains("tab character"), diags.errors().toString());
    }

    @Test
    void duplicateKeysAreReportedWithBothLines() {
        read(MINIMAL + "glossary:\n  - {zh: 数据, pinyin: shùjù, en: data, en: data}\n");
        assertTrue(only().contains("duplicate key 'en'"), diags.errors().toString());
    }

    @Test
    void everyErrorOfTheFileIsReportedInOneRun() {
        read(MINIMAL + "notes:\n  - {id: A B, at: 问, kind: gossip, text: hi}\nglossary:\n  - {zh: 数据}\n");
        assertTrue(diags.errors().size() >= 4, diags.errors().toString());
    }

    @Test
    void splitsNeedAReasonAndReassignmentsToo() {
        EditorialLayer layer = read(MINIMAL + "turns:\n  - at: 问\n    speaker: host\n    split:\n      - {at: 答, speaker: host}\n");
        assertNotNull(layer);
        assertEquals(2, diags.errors().size(), diags.errors().toString());
    }

    @Test
    void aliasBombIsRefused() {
        StringBuilder y = new StringBuilder(MINIMAL).append("x:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            y.append("  ").append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                y.append(i > 0 ? ", *" : "*").append(prev);
            }
            y.append("]\n");
            prev = c;
        }
        read(y.toString());
        assertTrue(diags.hasErrors());
    }

    @Test
    void aLongListKeepsEveryItemInOrderWithItsPosition() {
        StringBuilder y = new StringBuilder(MINIMAL).append("turns:\n");
        for (int i = 0; i < 2000; i++) {
            y.append("  - at: 问").append(i).append("\n    en: text ").append(i).append('\n');
        }
        EditorialLayer layer = read(y.toString());
        assertTrue(diags.all().isEmpty(), diags.all().toString());
        assertEquals(2000, layer.turns().size());
        for (int i = 0; i < 2000; i += 199) {
            TurnDef t = layer.turns().get(i);
            assertEquals("问" + i, t.at().exact());
            assertEquals("text " + i, t.en());
            assertEquals(7 + 2 * i, t.position().line(), "turn " + i);
        }
    }

    @Test
    void aSecondTopLevelKeyIsReportedAndTheFirstIsRead() {
        EditorialLayer layer = read(MINIMAL + "turns:\n  - {at: 问}\nturns:\n  - {at: 答}\n  - {at: 再问}\n");
        assertEquals("e.yaml:8:1: duplicate key 'turns' in edition.yaml (first at line 6)", only());
        assertEquals(List.of("问"), layer.turns().stream().map(t -> t.at().exact()).toList());
    }

    @Test
    void itemsReachedThroughAnAliasAreReadInTheirPlace() {
        EditorialLayer layer = read(MINIMAL + "turns:\n  - &t {at: 问, en: Q}\n  - {at: 答}\n  - *t\n");
        assertTrue(diags.all().isEmpty(), diags.all().toString());
        assertEquals(List.of("问", "答", "问"), layer.turns().stream().map(t -> t.at().exact()).toList());
    }

    /** YAML's null is nothing, not the word: refused where text is required, empty where it is not. */
    @Test
    void yamlNullIsNoText() {
        read(MINIMAL.replace("en: Title", "en: null"));
        assertEquals("e.yaml:2:23: 'en' in 'title' of 'edition' must not be empty ('null' is YAML for nothing;"
                + " quote it to mean the text)", only());
        Diagnostics optional = new Diagnostics();
        EditorialLayer layer = new EditorialReader().read("e.yaml", MINIMAL.replace("en: Title", "en: '~'")
                + "turns:\n  - {at: 问, en: ~}\n", optional);
        assertTrue(optional.all().isEmpty(), optional.all().toString());
        assertEquals("~", layer.edition().title().en(), "quoted, it is the character");
        assertEquals("", layer.turns().get(0).en());
        Diagnostics key = new Diagnostics();
        new EditorialReader().read("e.yaml", MINIMAL + "~: x\n", key);
        assertTrue(key.errors().get(0).message().startsWith("unknown key '~' in edition.yaml"), key.errors().toString());
    }

    @Test
    void aListItemOrAnIdWithACharacterNoTextMayHoldIsRefusedAtTheValue() {
        read(MINIMAL.replace("labels: [主持人]", "labels: [主持人, \"主\\e持\"]"));
        assertEquals("e.yaml:5:43: an item of 'labels' in speaker 'host' holds the character U+001B ESC,"
                + " which a text may not hold", only());
    }

    @Test
    void anIdOverTheLimitIsToldTheLimit() {
        read(MINIMAL.replace("  host:", "  " + "h".repeat(81) + ":"));
        assertTrue(only().startsWith("e.yaml:5:3: speaker id 'hhhh"), only());
        assertTrue(only().endsWith("' is 81 characters long; an id may have at most 80"), only());
    }

    /** A line of megabytes is refused before SnakeYAML reads it (its reader slows down more than linearly on it). */
    @Test
    void aLineOverTheLimitIsRefusedAtTheLimit() {
        read(MINIMAL + "notes:\r\n  - {id: a, at: 问, kind: context, text: " + "字".repeat(1_000_000) + "}\n");
        assertEquals("e.yaml:7:1000001: this line of edition.yaml is longer than 1000000 characters; refused", only());
    }

    private String hintFor(String turnLines) {
        Diagnostics own = new Diagnostics();
        new EditorialReader().read("e.yaml", MINIMAL + "turns:\n  - at: 问\n" + turnLines, own);
        List<Diagnostic> errors = own.errors();
        assertEquals(1, errors.size(), errors.toString());
        assertNotNull(errors.get(0).hint(), errors.toString());
        return errors.get(0).hint();
    }

    @Test
    void anUnescapedDoubleQuoteInsideADoubleQuotedValueIsExplained() {
        assertTrue(hintFor("    en: \"He said \"no\" to me\"\n").contains("write it as \\\""));
    }

    @Test
    void aValueStartingWithAYamlIndicatorIsToldToBeQuoted() {
        for (String v : List.of("*bold* claim", "*bold claim", "@handle says", "`code` here")) {
            assertEquals("a value that starts with " + v.charAt(0) + " must be quoted: write '" + v + "'",
                    hintFor("    en: " + v + "\n"), v);
        }
    }

    @Test
    void aColonInsideAnUnquotedValueIsExplained() {
        assertTrue(hintFor("    en: Note: this\n").contains("put the whole value in quotes"));
    }

    @Test
    void aTabUsedForIndentationGetsAHint() {
        assertTrue(hintFor("\ten: x\n").contains("replace the tab with spaces"));
    }

    @Test
    void anUnquotedTextCutAtACommentIsWarnedAboutAndAQuotedOneIsNot() {
        read(MINIMAL + "turns:\n  - at: 问  # the question\n    en: One last topic #3. And more\n"
                + "  - at: 答\n    en: 'One last topic #3.'  # fine\n    speaker: host\n    reason: &x later\n");
        assertTrue(diags.errors().isEmpty(), diags.errors().toString());
        List<String> warnings = diags.warnings().stream().map(d -> d.position() + ": " + d.message()).toList();
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("e.yaml:8:24: the text after ' #' is a YAML comment"), warnings.toString());
        assertTrue(warnings.get(1).startsWith("e.yaml:12:13: a value that starts with &"), warnings.toString());
    }
}
