package org.bitext.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bitext.TestSupport;
import org.bitext.render.Renderer;
import org.bitext.serve.Preview;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Templates that cannot be trusted to finish, or files in the templates folder that must not be
 * used: each is an error at its place, exit 1, no stack trace, and the output folder as it was.
 * (Cases that fit the error catalogue are there: template-recursion, template-not-utf8.)
 */
class TemplateSafetyTest {
    @TempDir
    Path dir;

    private Path content;
    private Path templates;
    private Path out;
    private Map<String, byte[]> before;

    @BeforeEach
    void project() throws Exception {
        content = TestSupport.copyMini(dir.resolve("content"));
        templates = Preview.copyTree(TestSupport.TEMPLATES, dir.resolve("templates"));
        out = ErrorCatalogueTest.previousSite(dir.resolve("site"));
        before = TestSupport.readTree(out);
    }

    /** Builds; returns the error lines (file:line:column: message) after checking exit 1 and an untouched site. */
    private List<String> failedBuild() throws Exception {
        TestSupport.Run run = TestSupport.cli("build", "--content", content.toString(), "--templates", templates.toString(),
                "--out", out.toString());
        assertEquals(1, run.code(), run.err());
        ErrorCatalogueTest.assertNoStackTrace(run.out() + run.err(), run.err());
        ErrorCatalogueTest.assertTreeEquals(before, TestSupport.readTree(out), "the output folder changed");
        return Arrays.stream(run.err().split("\\R")).filter(l -> l.matches("^\\S.*:\\d+:\\d+: .*")).toList();
    }

    @Test
    void aTemplateThatNeverEndsIsStoppedAtItsLine() throws Exception {
        Files.writeString(templates.resolve("topics.ftlh"), "<#-- never ends -->\n  <#list 1.. as i><#if i < 0>${i}</#if></#list>\n");
        String old = System.getProperty(Renderer.TIMEOUT_PROPERTY);
        System.setProperty(Renderer.TIMEOUT_PROPERTY, "1");
        try {
            List<String> errors = failedBuild();
            assertEquals(List.of(templates.resolve("topics.ftlh") + ":2:3: template stopped after 1 s while rendering"
                    + " topics/index.html (the limit per page; -Dbitext.templateTimeout=SECONDS changes it)"), errors);
        } finally {
            if (old == null) {
                System.clearProperty(Renderer.TIMEOUT_PROPERTY);
            } else {
                System.setProperty(Renderer.TIMEOUT_PROPERTY, old);
            }
        }
    }

    @Test
    void aSymbolicLinkLeadingOutOfTheTemplatesFolderIsRefusedWithItsPath() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "not for publishing\n");
        Path link = Files.createSymbolicLink(templates.resolve("assets/leak.txt"), secret);
        List<String> errors = failedBuild();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith(link + ":1:1: " + link + " is a symbolic link that leads outside the templates folder"),
                errors.toString());
    }

    @Test
    void aSymbolicLinkToATemplateOutsideIsRefusedToo() throws Exception {
        Path elsewhere = Files.copy(templates.resolve("404.ftlh"), dir.resolve("elsewhere.ftlh"));
        Files.delete(templates.resolve("404.ftlh"));
        Path link = Files.createSymbolicLink(templates.resolve("404.ftlh"), elsewhere);
        List<String> errors = failedBuild();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith(link + ":1:1: " + link + " is a symbolic link"), errors.toString());
    }

    @Test
    void aTemplateThatIsADirectorySaysSoOnceForAllItsPages() throws Exception {
        Files.delete(templates.resolve("section.ftlh"));
        Files.createDirectory(templates.resolve("section.ftlh"));
        List<String> errors = failedBuild();
        Path file = templates.resolve("section.ftlh");
        assertEquals(List.of(file + ":1:1: " + file + " is a directory, not a template"), errors);
    }

    @Test
    void aMissingTemplateComesFromTheBuiltInTheme() throws Exception {
        Files.delete(templates.resolve("section.ftlh"));
        TestSupport.Run run = TestSupport.cli("build", "--content", content.toString(), "--templates", templates.toString(),
                "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(Files.isRegularFile(out.resolve("sections/part-one.html")));
    }

    @Test
    void aSyntaxErrorInTheLayoutEveryPageUsesIsReportedOnce() throws Exception {
        TestSupport.replaceIn(templates.resolve("layout.ftlh"), "<#nested>", "<#nested><#if>");
        List<String> errors = failedBuild();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith(templates.resolve("layout.ftlh") + ":"), errors.toString());
    }
}
