package org.bitext.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nu.validator.client.EmbeddedValidator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.json.Json;

/**
 * Every generated page, without a browser: valid HTML (Nu Html Checker, in-process), nothing inline that the CSP
 * would block, nothing from another host, and a section page with its CSS and JS under 110 KB.
 */
class StaticPagesIT {
    // 110 KB since every turn carries its number and a Cite link (issue 17): the longest real section has 43 turns
    static final int SECTION_BUDGET = 110 * 1024;
    private static final Map<String, Integer> WARNINGS = new TreeMap<>();
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

    @Test
    void miniFixture() throws Exception {
        check(Sites.mini());
    }

    @Test
    void realEdition() throws Exception {
        Optional<Path> real = Sites.real();
        Assumptions.assumeTrue(real.isPresent(), "no buildable content/edition.yaml");
        check(real.get());
    }

    private static void check(Path site) throws Exception {
        List<String> problems = new ArrayList<>();
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        long assets = Files.size(site.resolve("assets/bitext.css")) + Files.size(site.resolve("assets/bitext.js"));
        StringBuilder weights = new StringBuilder();
        for (String page : Sites.pages(site)) {
            Path file = site.resolve(page);
            problems.addAll(validate(validator, page, file));
            problems.addAll(inlineAndForeign(page, Jsoup.parse(file.toFile(), "UTF-8")));
            if (page.startsWith("sections/")) {
                long weight = Files.size(file) + assets;
                weights.append(String.format(" %s %.1f KB;", page, weight / 1024.0));
                if (weight >= SECTION_BUDGET) {
                    problems.add(page + ": " + weight + " bytes with CSS and JS, over the " + SECTION_BUDGET / 1024 + " KB budget");
                }
            }
        }
        System.out.println("[page weight, HTML+CSS+JS] " + site + ":" + weights);
        WARNINGS.forEach((message, count) -> System.out.println("[Nu Html Checker warning] " + count + "x " + message));
        WARNINGS.clear();
        assertEquals(List.of(), problems);
    }

    @SuppressWarnings("unchecked")
    private static List<String> validate(EmbeddedValidator validator, String page, Path file) throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, Object> result = new Json().toType(validator.validate(file), Map.class);
        for (Map<String, Object> m : (List<Map<String, Object>>) result.get("messages")) {
            String type = String.valueOf(m.get("type"));
            String line = page + ":" + m.get("lastLine") + ": " + m.get("message");
            if ("error".equals(type) || "non-document-error".equals(type)) {
                problems.add("Nu Html Checker: " + line);
            } else if ("warning".equals(m.get("subType"))) {
                WARNINGS.merge(String.valueOf(m.get("message")), 1, Integer::sum);
            }
        }
        return problems;
    }

    private static List<String> inlineAndForeign(String page, Document doc) {
        List<String> problems = new ArrayList<>();
        Element csp = doc.selectFirst("meta[http-equiv=Content-Security-Policy]");
        if (csp == null || !csp.attr("content").startsWith(CSP)) {
            problems.add(page + ": no CSP limiting scripts and styles to 'self'");
        }
        for (Element e : doc.select("script:not([src]), style")) {
            problems.add(page + ": inline " + e.tagName());
        }
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                if (a.getKey().equals("style") || a.getKey().startsWith("on")) {
                    problems.add(page + ": inline " + a.getKey() + " on <" + e.tagName() + ">");
                }
            }
        }
        // what the page loads (not what it links to) comes from this site, by relative URL except on the 404 page
        for (Element e : doc.select("script[src], link[rel~=stylesheet|icon|preload|modulepreload], img[src], "
                + "iframe, video, audio, source, object, embed")) {
            String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
            boolean foreign = url.isEmpty() || url.contains("://") || url.startsWith("//")
                    || (url.startsWith("/") && !page.equals("404.html"));
            if (foreign) {
                problems.add(page + ": <" + e.tagName() + "> loads " + url);
            }
        }
        return problems;
    }

    @Test
    void theCheckerReportsErrors() throws Exception {
        // guard against a checker that silently passes everything
        Path bad = Files.createTempFile("bitext-invalid", ".html");
        Files.writeString(bad, "<!DOCTYPE html><html lang=en><title>x</title><p><div></p><meta name=description content=a>"
                + "<meta name=description content=b>");
        try {
            EmbeddedValidator validator = new EmbeddedValidator();
            validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
            assertTrue(!validate(validator, "bad.html", bad).isEmpty());
        } finally {
            Files.delete(bad);
        }
    }
}
