package org.bitext.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bitext.Bitext;
import org.bitext.TestSupport;
import org.bitext.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ids an editor's ids must not collide with are the ones the templates really use; an id the
 * build makes itself steps aside instead. (The error catalogue holds the collisions an editor makes.)
 */
class PageIdsTest {
    private static final Pattern FTL_ID = Pattern.compile("\\bid=\"([^\"]*)\"");
    private static final Pattern JS_ID = Pattern.compile("\\.id = '([^']*)'( \\+)?");

    @TempDir
    Path tmp;

    @Test
    void theFixedIdsAreTheOnesTheTemplatesAndTheScriptUse() throws IOException {
        Set<String> fixed = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        try (Stream<Path> files = Files.list(TestSupport.TEMPLATES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".ftlh")).toList()) {
                Matcher m = FTL_ID.matcher(Files.readString(f));
                while (m.find()) {
                    int var = m.group(1).lastIndexOf("${");
                    (var < 0 ? fixed : prefixes).add(var < 0 ? m.group(1) : m.group(1).substring(0, var));
                }
            }
        }
        Matcher m = JS_ID.matcher(Files.readString(TestSupport.TEMPLATES.resolve("assets/bitext.js")));
        while (m.find()) {
            (m.group(2) == null ? fixed : prefixes).add(m.group(1));
        }
        assertEquals(new TreeSet<>(PageIds.TEMPLATE_IDS), fixed);
        // An id made from another: if this changes, PageIds must learn the new kind of id.
        // ("": an editor's id itself; n- and kind-: only on the notes page, beside no editor's id;
        // pop-: the script's popover, "pop-" and the note's list item id; cite-, name-, names-: only on the
        // citation page and the index of names, beside no editor's id.)
        assertEquals(Set.of("", "${headingId}-", "cite-", "kind-", "n-", "name-", "names-", "note-", "pop-", "ref-"), prefixes);
        assertEquals(List.of("note-", "ref-", "pop-note-"), PageIds.NOTE_PREFIXES);
        assertTrue(Files.readString(TestSupport.TEMPLATES.resolve("macros.ftlh"))
                .contains("<#macro sectionNotes s headingId=\"" + PageIds.NOTES_HEADING.replace("-", "") + "\">"));
    }

    @Test
    void anIdMadeFromAHeadingStepsAsideForAnIdOfTheTemplates() throws Exception {
        Path c = TestSupport.copyMini(tmp.resolve("c"));
        TestSupport.replaceIn(c.resolve("transcript.md"), "# 第二部分", "# Top");
        TestSupport.replaceIn(c.resolve("edition.yaml"), "  - {at: 第二部分, id: part-two, en: Part two}\n", "");
        Edition e = Bitext.load(c, false, new Diagnostics());
        assertEquals(List.of("introduction", "remarks", "part-one", "top-2"), e.sections().stream().map(Section::id).toList());
    }
}
