package org.bitext.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** axe-core finds no WCAG 2.1 A/AA violation on the main kinds of page, in the light and the dark scheme. */
class AccessibilityIT {
    static final List<String> WCAG21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    @Test
    void miniFixture() {
        check(Browser.MINI, Sites.mini());
    }

    @Test
    void realEdition() {
        Optional<Path> real = Sites.real();
        Assumptions.assumeTrue(real.isPresent(), "no buildable content/edition.yaml");
        check(Browser.REAL, real.get());
    }

    /** The reader's own widgets, open: a note popover, a glossary tip, pinyin, folded speakers, one language, English-only notes. */
    @Test
    void readerWidgetsWhenOpen() {
        List<String> problems = new ArrayList<>();
        for (String scheme : List.of("light", "dark")) {
            ChromeDriver d = Browser.fresh();
            Browser.scheme(d, scheme);
            d.get(Browser.mini("sections/part-one.html?speaker=altman&mode=zh"));
            d.findElement(By.cssSelector(".pinyin-toggle")).click();
            d.findElement(By.cssSelector("#ref-heading-note")).click();
            Browser.js(d, "document.querySelector('a.term').dispatchEvent(new FocusEvent('focusin', {bubbles: true}));");
            problems.addAll(axe(d, "part-one (widgets open, " + scheme + ")"));
            d.get(Browser.mini("sections/part-one.html?mode=en"));
            d.findElement(By.cssSelector(".en-notes a")).click();
            problems.addAll(axe(d, "part-one (English only, a note open, " + scheme + ")"));
        }
        assertEquals(List.of(), problems);
    }

    private static void check(String prefix, Path site) {
        List<String> pages = Sites.pages(site);
        List<String> chosen = new ArrayList<>(List.of("index.html", "glossary.html", "transcript.html",
                "cite.html", "names.html", "revisions.html"));
        pages.stream().filter(p -> p.startsWith("sections/") && !p.contains("introduction")).findFirst().ifPresent(chosen::add);
        pages.stream().filter(p -> p.startsWith("topics/") && !p.endsWith("index.html")).findFirst().ifPresent(chosen::add);
        pages.stream().filter(p -> p.startsWith("speakers/")).findFirst().ifPresent(chosen::add);
        List<String> problems = new ArrayList<>();
        ChromeDriver d = Browser.fresh();
        for (String scheme : List.of("light", "dark")) {
            Browser.scheme(d, scheme);
            for (String page : chosen) {
                d.get(Browser.server().url(prefix, page));
                problems.addAll(axe(d, page + " (" + scheme + ")"));
            }
        }
        assertEquals(List.of(), problems);
    }

    static List<String> axe(ChromeDriver d, String what) {
        Results results = new AxeBuilder().withTags(WCAG21_AA).analyze(d);
        List<String> problems = new ArrayList<>();
        if (results.getPasses() == null || results.getPasses().isEmpty()) {
            problems.add(what + ": axe checked nothing");
        }
        if (results.getErrorMessage() != null) {
            problems.add(what + ": axe failed: " + results.getErrorMessage());
        }
        for (Rule rule : results.getViolations()) {
            for (CheckedNode node : rule.getNodes()) {
                problems.add(what + ": " + rule.getId() + " (" + rule.getHelp() + ") at " + node.getTarget()
                        + ": " + node.getFailureSummary());
            }
        }
        return problems;
    }
}
