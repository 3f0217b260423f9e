package org.bitext.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bitext.Bitext;
import org.bitext.TestSupport;
import org.bitext.diag.Diagnostics;
import org.bitext.edition.Edition;
import org.bitext.render.Templates;
import org.bitext.serve.Preview;
import org.bitext.SiteRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} makes the site without keeping it: pages that go to the scratch folder because they
 * are big are still link-checked before they are deleted, and nothing of the site is left anywhere.
 */
class CheckSinkTest {
    @TempDir
    Path dir;

    @Test
    void pagesSpilledToDiskAreCheckedThenDeletedAndNothingIsLeft() throws Exception {
        Path content = TestSupport.copyMini(dir.resolve("content"));
        Path templates = Preview.copyTree(TestSupport.TEMPLATES, dir.resolve("templates"));
        TestSupport.replaceIn(templates.resolve("glossary.ftlh"), "</@layout.page>",
                "<a href=\"${root}no-such-page.html\">x</a></@layout.page>");
        Diagnostics diags = new Diagnostics();
        Edition edition = Bitext.load(content, false, diags);
        Path scratch;
        try (CheckSink sink = new CheckSink(0)) { // every file goes to the scratch folder from its first byte
            scratch = sink.scratch();
            new SiteRenderer(new Templates(templates), null, diags).render(edition, sink, null);
            try (Stream<Path> left = Files.walk(scratch)) {
                assertEquals(List.of(), left.filter(Files::isRegularFile).toList(), "files kept after their check");
            }
        }
        assertFalse(Files.exists(scratch), "the scratch folder is removed");
        assertEquals(1, diags.errors().size(), diags.errors().toString());
        assertTrue(diags.errors().get(0).message().startsWith("broken link to no-such-page.html"), diags.errors().toString());
    }

    @Test
    void checkFindsWhatABuildFindsAndWritesNoOutput() throws Exception {
        Path content = TestSupport.copyMini(dir.resolve("content"));
        Path templates = Preview.copyTree(TestSupport.TEMPLATES, dir.resolve("templates"));
        Bitext.Options options = new Bitext.Options(content, templates, dir.resolve("site"), false);
        Bitext.Result result = Bitext.check(options, new Diagnostics());
        assertEquals(Bitext.render(options, new Diagnostics()).files().size(), result.fileCount());
        assertFalse(Files.exists(dir.resolve("site")), "check wrote an output folder");
    }
}
