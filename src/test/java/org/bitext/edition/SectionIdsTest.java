package org.bitext.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bitext.Bitext;
import org.bitext.TestSupport;
import org.bitext.diag.BuildFailure;
import org.bitext.diag.Diagnostic;
import org.bitext.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A heading the editor has not named in 'sections' would get a made-up page name and no English title. */
class SectionIdsTest {
    @TempDir
    Path tmp;

    private Path withoutPartTwoEntry() throws IOException {
        Path c = TestSupport.copyMini(tmp.resolve("c"));
        TestSupport.replaceIn(c.resolve("edition.yaml"), "  - {at: 第二部分, id: part-two, en: Part two}\n", "");
        return c;
    }

    @Test
    void aHeadingWithoutASectionsEntryIsAWarningAtTheHeading() throws Exception {
        Diagnostics diags = new Diagnostics();
        Bitext.load(withoutPartTwoEntry(), false, diags);
        List<String> warnings = diags.warnings().stream().map(d -> d.position() + ": " + d.message()).toList();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).matches(".*transcript\\.md:\\d+:1: the heading \"第二部分\" has no entry in 'sections'.*"),
                warnings.toString());
    }

    @Test
    void underStrictItIsAnError() throws Exception {
        Diagnostics diags = new Diagnostics();
        Path c = withoutPartTwoEntry();
        assertThrows(BuildFailure.class, () -> Bitext.load(c, true, diags));
        List<Diagnostic> errors = diags.errors();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).message().startsWith("the heading \"第二部分\" has no entry in 'sections'"), errors.toString());
    }
}
