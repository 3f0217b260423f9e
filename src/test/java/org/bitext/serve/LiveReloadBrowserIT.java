package org.bitext.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bitext.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The preview in a real browser (Debian's headless chromium): a saved edit reloads the open page at
 * the same scroll position, a broken edition shows the overlay with file:line:column and a fixed one
 * clears it, all without a Content-Security-Policy violation.
 */
class LiveReloadBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String CSP_HOOK = "window.__csp = [];"
            + "document.addEventListener('securitypolicyviolation', function (e) {"
            + " window.__csp.push(e.violatedDirective + ' ' + e.blockedURI); });"
            + "try { sessionStorage.setItem('__loads', +sessionStorage.getItem('__loads') + 1); } catch (e) { }";

    @TempDir
    Path dir;
    Preview preview;
    ChromeDriver driver;

    @BeforeEach
    void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "*** BROWSER TEST NOT RUN: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing ***";
            System.err.println(message);
            if (Boolean.getBoolean("browser.required")) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        preview = Preview.start(dir);
        Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-extensions",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")));
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
        driver.manage().window().setSize(new Dimension(500, 400)); // small, so the page scrolls
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_HOOK));
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (preview != null) {
            preview.close();
        }
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, Preview.WAIT);
    }

    @Test
    void editReloadsInPlaceAndErrorsShowAndClear() throws Exception {
        driver.get(preview.uri("/mini/transcript.html").toString());
        waiting().until(d -> Boolean.TRUE.equals(js("return !!window.EventSource && document.readyState === 'complete'")));
        Thread.sleep(300); // let the event stream connect before the first edit
        js("window.scrollTo({top: 250, behavior: 'instant'}); window.__samePage = true;");
        long y = ((Number) js("return Math.round(window.scrollY)")).longValue();
        assertTrue(y > 100, "the page scrolls: " + y);

        Path yaml = preview.content.resolve("edition.yaml");
        String good = Files.readString(yaml, StandardCharsets.UTF_8);
        String edited = good.replace("Hello, Sam. Thank you for waiting.", "Hello again, Sam, from the browser test.");
        Files.writeString(yaml, edited, StandardCharsets.UTF_8);
        waiting().until(d -> d.getPageSource().contains("from the browser test"));
        assertEquals(null, js("return window.__samePage === true ? 'not reloaded' : null"), "the page reloaded itself");

        // Back where the reader was. Within a few pixels: Chrome's scroll anchoring may nudge the restored
        // position when a late layout change (a font, the reading controls) shifts the content above it,
        // and then the text in view stays put, which is what matters. Without restoring, scrollY is 0.
        waiting().withMessage(() -> "scroll position after the reload: " + js("return window.scrollY") + ", wanted " + y)
                .until(d -> Math.abs(((Number) js("return Math.round(window.scrollY)")).longValue() - y) <= 16);

        Files.writeString(yaml, edited.replace("speakers:\n", "speakers: [\n"), StandardCharsets.UTF_8);
        waiting().until(d -> !d.findElements(By.id("bitext-build-errors")).isEmpty());
        String overlay = driver.findElement(By.id("bitext-build-errors")).getText();
        assertTrue(overlay.matches("(?s).*edition\\.yaml:\\d+:\\d+: YAML syntax error.*"), overlay);
        assertTrue(driver.getPageSource().contains("from the browser test"), "the last good page stays");

        Files.writeString(yaml, edited, StandardCharsets.UTF_8);
        waiting().until(d -> d.findElements(By.id("bitext-build-errors")).isEmpty());
        assertEquals(List.of(), js("return window.__csp"), "no Content-Security-Policy violation");
    }

    @Test
    void anOpenPageShowsTheEditBeforeItsRebuildIsDoneAndReloadsOnlyOnce() throws Exception {
        preview.close();
        HeldSwap held = new HeldSwap();
        preview = Preview.start(dir.resolve("held"), held);
        try {
            driver.get(preview.uri("/mini/sections/part-one.html").toString());
            waiting().until(d -> preview.server.live().listening() == 1);
            long loads = loads();
            Path yaml = preview.content.resolve("edition.yaml");
            Files.writeString(yaml, Files.readString(yaml, StandardCharsets.UTF_8)
                    .replace("Hello, Sam. Thank you for waiting.", "Hello, Sam, ahead of the rest."), StandardCharsets.UTF_8);

            assertTrue(held.awaitSwap(), preview.log.toString());
            waiting().until(d -> d.getPageSource().contains("ahead of the rest"));
            assertEquals(loads + 1, loads(), "the page reloaded once, while the rest of its rebuild waits");
            waiting().withMessage("the reloaded page listens again").until(d -> preview.server.live().listening() == 1);
            held.release();
            waiting().until(d -> preview.log.toString().contains("Rebuilt"));
            Thread.sleep(1000); // time for a second reload, which must not come
            assertEquals(loads + 1, loads(), "the rebuild, served whole, does not reload the page again\n" + preview.log);
            assertTrue(driver.getPageSource().contains("ahead of the rest"));
        } finally {
            held.release();
        }
    }

    /** How many times the page has loaded in this tab. */
    private long loads() {
        return ((Number) js("return +sessionStorage.getItem('__loads')")).longValue();
    }

    @Test
    void aPageRefusedForWantOfPlacesConnectsLaterAndFollowsEdits() throws Exception {
        List<Socket> taken = new ArrayList<>();
        try {
            for (int i = 0; i < LiveReload.MAX_CLIENTS; i++) { // every place taken by a live page
                Socket s = new Socket("127.0.0.1", preview.server.address().getPort());
                taken.add(s);
                s.getOutputStream().write(("GET " + SiteHandler.EVENTS + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
            waiting().until(d -> preview.server.live().listening() == LiveReload.MAX_CLIENTS);
            driver.get(preview.uri("/mini/transcript.html").toString());
            waiting().until(d -> Boolean.TRUE.equals(js("return document.readyState === 'complete'")));
            Thread.sleep(500); // its stream is refused meanwhile
            assertEquals(LiveReload.MAX_CLIENTS, preview.server.live().listening());
        } finally {
            for (Socket s : taken) {
                s.close();
            }
        }
        waiting().withMessage("the refused page connects again")
                .until(d -> preview.server.live().listening() == 1);
        Path yaml = preview.content.resolve("edition.yaml");
        Files.writeString(yaml, Files.readString(yaml, StandardCharsets.UTF_8)
                .replace("Hello, Sam. Thank you for waiting.", "Hello, Sam, after a refusal."), StandardCharsets.UTF_8);
        waiting().until(d -> d.getPageSource().contains("after a refusal"));
    }
}
