package org.bitext.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** Every page, opened in the browser under a subpath: no console error, no CSP violation, nothing from another host. */
class EveryPageIT {

    @Test
    void miniFixture() {
        check(Browser.MINI, Sites.mini());
    }

    @Test
    void realEdition() {
        Optional<Path> real = Sites.real();
        org.junit.jupiter.api.Assumptions.assumeTrue(real.isPresent(), "no buildable content/edition.yaml");
        check(Browser.REAL, real.get());
    }

    /** The path of the edition's base_url, as the 404 page's stylesheet link shows it. */
    private static String basePath(Path site) {
        try {
            Matcher m = Pattern.compile("href=\"/([^\"]*?)/?assets/bitext.css\"").matcher(Files.readString(site.resolve("404.html")));
            assertTrue(m.find(), "404.html links its stylesheet by absolute path");
            return m.group(1);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void check(String prefix, Path site) {
        ChromeDriver d = Browser.fresh();
        SiteServer server = Browser.server();
        server.clearHits();
        List<String> problems = new ArrayList<>();
        for (String page : Sites.pages(site)) {
            // 404.html links by absolute path (it is served for any missing URL), so it is opened where base_url puts it
            String mount = page.equals("404.html") ? basePath(site) : prefix;
            server.mount(mount, site);
            d.get(server.url(mount, page));
            // exercise the reader where it exists: a mode, a note, a term, the filter
            Browser.js(d, "var b = document.querySelector('.mode-button[data-mode=interleaved]'); if (b) b.click();"
                    + "var n = document.querySelector('sup.note-ref a[aria-expanded]'); if (n) n.click();"
                    + "var t = document.querySelector('a.term'); if (t) t.focus();"
                    + "var s = document.querySelector('.speaker-toggle'); if (s) s.click();");
            for (String c : Browser.consoleProblems(d)) {
                problems.add(page + ": console: " + c);
            }
            for (String c : Browser.cspViolations(d)) {
                problems.add(page + ": CSP violation: " + c);
            }
            List<String> resources = (List<String>) Browser.js(d,
                    "return performance.getEntriesByType('resource').map(function (e) { return e.name; });");
            for (String r : resources) {
                if (!SiteServer.sameOrigin(r, server.origin()) || !r.startsWith(server.url(mount, ""))) {
                    problems.add(page + ": loaded from elsewhere: " + r);
                }
            }
            if (page.startsWith("sections/") || page.equals("transcript.html")) {
                WebElement controls = d.findElement(By.cssSelector(".reader-controls"));
                if (!controls.isDisplayed()) {
                    problems.add(page + ": reading controls not shown");
                }
            }
        }
        for (SiteServer.Hit hit : server.hits()) {
            if (hit.status() != 200) {
                problems.add("request " + hit.path() + " -> " + hit.status());
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(server.hits().stream().anyMatch(h -> h.path().endsWith("/assets/bitext.js")), "the script was loaded");
    }
}
