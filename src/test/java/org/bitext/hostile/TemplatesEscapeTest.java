package org.bitext.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bitext.TestSupport;
import org.junit.jupiter.api.Test;

/**
 * Templates escape by default: every page template is {@code .ftlh} (FreeMarker's HTML output format),
 * sitemap.xml's is {@code .ftlx} (XML), edition.json's writes every value as a JSON literal, and
 * escaping is switched off in one place only — the {@code html} macro, which prints what
 * {@code org.bitext.render.Markdown} has already sanitised. Any new {@code ?no_esc} must be looked at.
 */
class TemplatesEscapeTest {
    private static final Pattern UNESCAPED = Pattern.compile("\\?no_esc|<#noautoesc|<#outputformat|\\?markup_string|<#ftl[^>]*output_format");

    @Test
    void everyTemplateIsAnHtmlTemplate() throws IOException {
        try (Stream<Path> list = Files.list(TestSupport.TEMPLATES)) {
            List<String> names = list.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
            assertTrue(names.contains("layout.ftlh"), names.toString());
            for (String n : names) {
                assertTrue(n.endsWith(".ftlh") || n.equals("sitemap.xml.ftlx") || n.equals("edition.json.ftl")
                        || n.equals("robots.txt.ftl"), n + " is not an auto-escaping .ftlh template");
            }
        }
    }

    @Test
    void everyValueOfEditionJsonIsAJsonLiteral() throws IOException {
        String json = Files.readString(TestSupport.TEMPLATES.resolve("edition.json.ftl"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\\$\\{[^}]*\\}").matcher(json);
        List<String> interpolations = new ArrayList<>();
        while (m.find()) {
            interpolations.add(m.group());
        }
        assertFalse(interpolations.isEmpty());
        for (String i : interpolations) {
            assertTrue(i.endsWith("?c}") || i.endsWith("?c)!\"null\"}") || i.equals("${pad}"), i + " is not written as a JSON literal");
        }
    }

    @Test
    void escapingIsSwitchedOffOnlyForSanitisedHtml() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> list = Files.list(TestSupport.TEMPLATES)) {
            for (Path p : (Iterable<Path>) list.filter(f -> f.toString().endsWith(".ftlh"))::iterator) {
                String[] lines = Files.readString(p, StandardCharsets.UTF_8).split("\n");
                for (int i = 0; i < lines.length; i++) {
                    Matcher m = UNESCAPED.matcher(lines[i]);
                    while (m.find()) {
                        found.add(p.getFileName() + ":" + (i + 1) + ": " + lines[i].strip());
                    }
                }
            }
        }
        List<String> sanitisedOnly = found.stream().filter(l -> l.startsWith("macros.ftlh:") && l.contains("<#macro html ")).toList();
        assertEquals(1, sanitisedOnly.size(), "the html macro: " + found);
        found.removeAll(sanitisedOnly);
        assertEquals(List.of(), found, "escaping switched off outside the html macro");
    }
}
