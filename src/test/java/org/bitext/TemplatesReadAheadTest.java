package org.bitext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bitext.diag.BuildFailure;
import org.bitext.diag.Diagnostic;
import org.bitext.diag.Diagnostics;
import org.bitext.serve.Preview;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build reads the templates folder beside the content: when both are broken, one run reports both,
 * always in the same order, and nothing after the build has given up.
 */
class TemplatesReadAheadTest {
    @TempDir
    Path dir;

    @Test
    void brokenContentAndABrokenTemplateAreReportedInOneRun() throws Exception {
        Path content = TestSupport.copyMini(dir.resolve("content"));
        Path templates = Preview.copyTree(TestSupport.TEMPLATES, dir.resolve("templates"));
        TestSupport.replaceIn(content.resolve("edition.yaml"), "speakers:\n", "speakers: [\n");
        Files.write(templates.resolve("notes.ftlh"), new byte[] {'<', 'p', '>', (byte) 0xff, '\n'});
        Path out = dir.resolve("site");

        List<String> first = null;
        for (int run = 0; run < 3; run++) {
            Diagnostics diags = new Diagnostics();
            assertThrows(BuildFailure.class, () -> Bitext.build(new Bitext.Options(content, templates, out, false), diags));
            List<String> errors = diags.sorted().stream().filter(Diagnostic::isError).map(diags::format).toList();
            assertTrue(errors.stream().anyMatch(e -> e.contains("edition.yaml") && e.contains("YAML syntax error")), errors.toString());
            assertTrue(errors.stream().anyMatch(e -> e.contains("notes.ftlh") && e.contains("UTF-8")), errors.toString());
            if (first == null) {
                first = errors;
            }
            assertEquals(first, errors, "the same errors every run");
        }
        assertFalse(Files.exists(out), "nothing published");
    }
}
