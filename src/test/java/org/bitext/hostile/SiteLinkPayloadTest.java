package org.bitext.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bitext.Bitext;
import org.bitext.TestSupport;
import org.bitext.diag.BuildFailure;
import org.bitext.diag.Diagnostics;
import org.bitext.render.Markdown;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Links that look like site paths but become a script on a page at the site root once their leading
 * slash is dropped (or that a browser reads as another host), written in a glossary note and a
 * speaker's about: the build refuses them at both entries, and the HTML the renderer makes of them
 * carries no href at all, so even a template without the CSP shows them inert.
 */
class SiteLinkPayloadTest {
    private static final String HEAD = "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\""
            + "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'self'\"></head><body>";

    static Stream<String> payloads() {
        return Stream.of("[x](/javascript:alert(document.domain))", "[x](/javascript:alert(1)//../../index.html)",
                "[x](/javascript:alert(1)?/../../index.html)", "[x](/vbscript:msgbox(1))",
                "[x](/data:text/html,<script>alert(1)</script>)", "[x](/JavaScript:alert(1))",
                "[x](/javascript:document.title=1337)", "[x](///javascript:alert(1))",
                "[x](</ javascript:alert(1)>)", "[x](\\\\evil.example/x)", "[x](/\\evil.example/x)",
                "[x](/java&#x09;script:alert(1))", "[x](/javascript&#58;alert(1))", "[x][r]\n\n[r]: /javascript:alert(1)");
    }

    @TempDir
    Path tmp;

    @ParameterizedTest
    @MethodSource("payloads")
    void theBuildRefusesItInAGlossaryNoteAndASpeakersAbout(String payload) throws IOException {
        Path content = TestSupport.copyMini(tmp.resolve("content"));
        String quoted = HostileContentTest.yamlQuoted(payload);
        TestSupport.replaceIn(content.resolve("edition.yaml"), "labels: [主持人]}",
                "labels: [主持人], about: {zh: " + quoted + ", en: " + quoted + "}}");
        TestSupport.replaceIn(content.resolve("edition.yaml"), "en: regulation}", "en: regulation, note: " + quoted + "}");
        Diagnostics diags = new Diagnostics();
        assertThrows(BuildFailure.class,
                () -> Bitext.render(new Bitext.Options(content, TestSupport.TEMPLATES, tmp.resolve("site"), false), diags));
        List<String> errors = diags.errors().stream().map(d -> d.position().line() + ": " + d.message()).toList();
        assertTrue(errors.stream().anyMatch(e -> e.matches("14: malformed link .* in the about of speaker 'host'")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.matches("74: malformed link .* in the note of glossary term '监管'")), errors.toString());
        assertTrue(Files.readString(content.resolve("edition.yaml"), StandardCharsets.UTF_8).contains(quoted));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void itsHtmlHasNoHrefOnAPageAtTheRoot(String payload) {
        Markdown markdown = new Markdown();
        for (String html : List.of(markdown.inline(payload), markdown.inlineZh(payload), markdown.block(payload))) {
            assertTrue(html.contains(">x</a>"), html);
            assertTrue(!html.contains("href="), html);
            // what the templates' html macro makes of it on a page whose way back to the root is ""
            String page = HEAD + html.replace("href=\"" + Markdown.ROOT, "href=\"") + "</body></html>";
            assertEquals(List.of(), PageSafety.problems("index.html", page));
        }
    }
}
