package org.bitext.editorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bitext.diag.Diagnostic;
import org.bitext.diag.Diagnostics;
import org.junit.jupiter.api.Test;

/** The keys of the scholarly apparatus: editors, published, recording, times, revisions, note sources. */
class ApparatusKeysTest {
    private static final String EDITION = """
            edition:
              title: {zh: 标题, en: Title}
              source: {end_before: 往期回顾}
              editors: [Li Hua, Ann Smith]
              published: 2025-01-15
              recording: {url: "https://www.youtube.com/watch?v=abc", title: The talk}
            speakers:
              host: {zh: 主持人, en: Host, labels: [主持人]}
            """;

    private final Diagnostics diags = new Diagnostics();

    private EditorialLayer read(String yaml) {
        return new EditorialReader().read("e.yaml", yaml, diags);
    }

    private List<String> errors() {
        return diags.errors().stream().map(d -> d.position() + ": " + d.message()).toList();
    }

    private String only() {
        List<Diagnostic> errors = diags.errors();
        assertEquals(1, errors.size(), errors.toString());
        return errors().get(0);
    }

    @Test
    void readsEveryApparatusKey() {
        EditorialLayer layer = read(EDITION + """
                turns:
                  - at: 你好
                    time: "1:02:03"
                    split:
                      - {at: 再见, speaker: host, reason: r, time: "1:02:04"}
                notes:
                  - id: n
                    at: 你好
                    kind: person
                    text: t
                    sources:
                      - {title: A book, author: Wang, date: 2020}
                      - {title: A page, publisher: ITU, date: 2024-06, url: "https://itu.int/x?y=1"}
                revisions:
                  - {date: 2025-01-15, summary: {zh: 初版, en: First edition}}
                  - {date: 2025-02-01, summary: {zh: 修正, en: Corrections}}
                """);
        assertEquals(List.of(), errors());
        EditionMeta m = layer.edition();
        assertEquals(List.of("Li Hua", "Ann Smith"), m.editors());
        assertEquals("2025-01-15", m.published());
        assertEquals(new Recording("https://www.youtube.com/watch?v=abc", "The talk"), m.recording());
        TurnDef t = layer.turns().get(0);
        assertEquals(3723, t.time().seconds());
        assertEquals("1:02:03", t.time().text());
        assertEquals(3724, t.splits().get(0).time().seconds());
        List<SourceDef> sources = layer.notes().get(0).sources();
        assertEquals("2020", sources.get(0).date());
        assertNull(sources.get(0).publisher());
        assertEquals("https://itu.int/x?y=1", sources.get(1).url());
        assertEquals(List.of("2025-01-15", "2025-02-01"), layer.revisions().stream().map(RevisionDef::date).toList());
        assertEquals("Corrections", layer.revisions().get(1).summary().en());
    }

    @Test
    void theApparatusIsOptional() {
        EditorialLayer layer = read(EDITION.replaceAll("(?m)^  (editors|published|recording):.*\\n", ""));
        assertEquals(List.of(), errors());
        assertEquals(List.of(), layer.edition().editors());
        assertNull(layer.edition().published());
        assertNull(layer.edition().recording());
        assertEquals(List.of(), layer.revisions());
    }

    @Test
    void publishedMustBeADayOfTheCalendar() {
        read(EDITION.replace("published: 2025-01-15", "published: 2025-02-30"));
        assertEquals("e.yaml:5:14: 'published' in 'edition' must be a date YYYY-MM-DD that is in the calendar, "
                + "found '2025-02-30'", only());
    }

    @Test
    void editorsMustBeAListOfNames() {
        read(EDITION.replace("editors: [Li Hua, Ann Smith]", "editors: [Li Hua, {name: x}]"));
        assertTrue(only().startsWith("e.yaml:4:21: items of 'editors' in 'edition' must be non-empty text"), only());
    }

    @Test
    void recordingNeedsAnHttpUrlAndATitle() {
        read(EDITION.replace("url: \"https://www.youtube.com/watch?v=abc\", title: The talk", "url: \"javascript:alert(1)\""));
        assertEquals(List.of("e.yaml:6:14: 'recording' is missing required key 'title'",
                "e.yaml:6:20: 'url' in 'recording' must be an absolute http or https URL, found 'javascript:alert(1)'"),
                errors().stream().sorted().toList());
    }

    @Test
    void aTimeIsHoursMinutesSecondsOrMinutesSeconds() {
        read(EDITION + "turns:\n  - {at: 你好, time: \"12:61\"}\n  - {at: 再见, time: soon}\n");
        assertEquals(List.of("e.yaml:10:20: 'time' in a turn entry must be a time hh:mm:ss or mm:ss, found '12:61'",
                "e.yaml:11:20: 'time' in a turn entry must be a time hh:mm:ss or mm:ss, found 'soon'"), errors());
    }

    @Test
    void aTimeWithoutARecordingIsAnError() {
        read(EDITION.replaceAll("(?m)^  recording:.*\\n", "") + "turns:\n  - {at: 你好, time: \"0:30\"}\n");
        assertEquals("e.yaml:9:20: a 'time' points into the recording, but 'edition' has no 'recording'", only());
    }

    @Test
    void aSourceNeedsTitleDateAndAnAuthorOrPublisher() {
        read(EDITION + "notes:\n  - id: n\n    at: 你好\n    kind: person\n    text: t\n    sources:\n      - {date: 2020}\n");
        assertEquals(List.of("e.yaml:15:9: a source is missing required key 'title'",
                "e.yaml:15:9: a source needs an 'author' or a 'publisher' (or both)"), errors().stream().sorted().toList());
    }

    @Test
    void aSourceDateMayBeAYearAMonthOrADay() {
        read(EDITION + "notes:\n  - id: n\n    at: 你好\n    kind: person\n    text: t\n    sources:\n"
                + "      - {title: a, author: b, date: 2020-13}\n      - {title: a, author: b, date: 20}\n");
        assertEquals(List.of(
                "e.yaml:15:37: 'date' in a source must be a date YYYY, YYYY-MM or YYYY-MM-DD that is in the calendar, found '2020-13'",
                "e.yaml:16:37: 'date' in a source must be a date YYYY, YYYY-MM or YYYY-MM-DD that is in the calendar, found '20'"),
                errors());
    }

    @Test
    void aSourceUrlIsCheckedForSyntaxAndSchemeOnly() {
        read(EDITION + "notes:\n  - id: n\n    at: 你好\n    kind: person\n    text: t\n    sources:\n"
                + "      - {title: a, author: b, date: 2020, url: \"ftp://x.org/a\"}\n"
                + "      - {title: a, author: b, date: 2020, url: \"https://exa mple.org/\"}\n"
                + "      - {title: a, author: b, date: 2020, url: \"http://unreachable.invalid/a\"}\n");
        assertEquals(List.of(
                "e.yaml:15:48: 'url' in a source must be an absolute http or https URL, found 'ftp://x.org/a'",
                "e.yaml:16:48: 'url' in a source must be an absolute http or https URL, found 'https://exa mple.org/'"),
                errors());
    }

    @Test
    void revisionsAreListedOldestFirstWithBothSummaries() {
        read(EDITION + """
                revisions:
                  - {date: 2025-02-01, summary: {zh: 修正, en: Corrections}}
                  - {date: 2025-01-15, summary: {en: First edition}}
                """);
        assertEquals(List.of(
                "e.yaml:11:12: revision dated 2025-01-15 comes after one dated 2025-02-01 (line 10); list revisions oldest first",
                "e.yaml:11:33: 'summary' of a revision is missing required key 'zh'"), errors());
    }
}
