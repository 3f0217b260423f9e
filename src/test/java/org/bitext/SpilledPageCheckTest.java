package org.bitext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bitext.check.LinkChecker;
import org.bitext.diag.Diagnostics;
import org.bitext.output.PageOut;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page too big to keep in memory is checked from its file, with the same findings as one in memory. */
class SpilledPageCheckTest {
    @Test
    void aPageReadFromItsFileGivesTheFactsOfThePageInMemory(@TempDir Path dir) throws Exception {
        String html = "<!DOCTYPE html><html><body><h1 id=\"top\">t</h1><p id=\"中\">x</p>"
                + "<a href=\"#top\">1</a><a href=\"#gone\">2</a><a href=\"b.html#t\">3</a><a href=\"nope.html\">4</a>"
                + "<script src=\"https://cdn.example/x.js\"></script></body></html>";
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        LinkChecker checker = new LinkChecker(Set.of("a.html", "b.html"), null);
        PageOut file = new PageOut(dir.resolve("a.html"), 16);
        try (file) {
            file.write(bytes, 0, bytes.length);
        }
        assertFalse(file.inMemory());
        LinkChecker.PageFacts fromFile = checker.scan("a.html", file);
        LinkChecker.PageFacts inMemory = checker.scan("a.html", bytes);
        assertEquals(Set.of("top", "中"), fromFile.ids());
        assertEquals(inMemory.ids(), fromFile.ids());
        assertEquals(Set.copyOf(inMemory.checks()), Set.copyOf(fromFile.checks()));

        Diagnostics diags = new Diagnostics();
        checker.report(Map.of("a.html", fromFile, "b.html", checker.scan("b.html", "<p id=\"t\">".getBytes(StandardCharsets.UTF_8))), diags);
        assertEquals(List.of("<script src> loads from another host: https://cdn.example/x.js",
                "broken fragment in #gone (a.html has no id \"gone\")",
                "broken link to nope.html (no such page or asset in the site)"),
                diags.errors().stream().map(d -> d.message()).sorted().toList());
    }
}
