package org.bitext.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A tool, not a test (run it with bench/screenshot.sh): screenshots of a section page as a reader sees
 * it, phone and desktop, light and dark, plus the reader's widgets open. They go to -Dscreenshot.dir
 * (default: target/screenshots, overwritten by each run). With -Dscreenshot.update=true the desktop view
 * of the real edition (or the mini fixture) also replaces docs/screenshot-section.png, the README's
 * picture. Uses the browser tests' Chromium and server.
 */
final class Screenshots {
    static final Path README_SHOT = Path.of("docs/screenshot-section.png");

    private Screenshots() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("browser.required", "true"); // a missing Chromium is an error here, not a skip
        ChromeDriver d = Browser.fresh();
        String prefix = Sites.real().isPresent() ? Browser.REAL : Browser.MINI;
        Path site = Sites.real().orElse(Sites.mini());
        String section = Sites.pages(site).stream().filter(p -> p.startsWith("sections/") && !p.contains("introduction"))
                .findFirst().orElseThrow();
        Path dir = Path.of(System.getProperty("screenshot.dir", "target/screenshots")); // replaced each run
        Files.createDirectories(dir);
        try {
            shootAll(d, prefix, section, dir);
        } finally { // a failure must not leave a phone-sized window or print media to the tests that follow
            d.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            d.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
        System.out.println("[screenshots] " + dir);
        System.exit(0); // the shutdown hooks close Chromium and the server
    }

    private static void shootAll(ChromeDriver d, String prefix, String section, Path dir) throws IOException {
        for (String scheme : List.of("light", "dark")) {
            Browser.scheme(d, scheme);
            for (Dimension size : List.of(Browser.DESKTOP, Browser.PHONE)) {
                d.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size.width, "height", size.height,
                        "deviceScaleFactor", 1, "mobile", size.width < 600));
                d.get(Browser.server().url(prefix, section));
                shoot(d, dir.resolve("section-" + size.width + "-" + scheme + ".png"));
                // the widgets: pinyin over terms, a note open, interleaved
                d.get(Browser.server().url(prefix, section + "?mode=interleaved"));
                d.findElement(By.cssSelector(".pinyin-toggle")).click();
                d.findElements(By.cssSelector(".turns sup.note-ref a[aria-expanded]")).stream().findFirst().ifPresent(n -> open(d, n));
                shoot(d, dir.resolve("section-" + size.width + "-" + scheme + "-open.png"));
                d.findElement(By.cssSelector(".pinyin-toggle")).click();
                // English only: the notes of a turn under its English, one open
                d.get(Browser.server().url(prefix, section + "?mode=en"));
                d.findElements(By.cssSelector(".en-notes a")).stream().findFirst().ifPresent(n -> open(d, n));
                shoot(d, dir.resolve("section-" + size.width + "-" + scheme + "-en.png"));
                // one speaker only: the others fold into markers
                String first = d.findElement(By.cssSelector(".speaker-toggle")).getAttribute("data-speaker");
                d.get(Browser.server().url(prefix, section + "?speaker=" + first));
                shoot(d, dir.resolve("section-" + size.width + "-" + scheme + "-filtered.png"));
            }
        }
        d.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        // the print stylesheet: both languages, every speaker, no controls, notes at the end
        d.manage().window().setSize(Browser.DESKTOP);
        d.get(Browser.server().url(prefix, section + "?mode=zh&speaker=nobody"));
        d.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        shoot(d, dir.resolve("section-print.png"));
        d.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        if (Boolean.getBoolean("screenshot.update")) {
            Browser.scheme(d, "light");
            d.manage().window().setSize(Browser.DESKTOP);
            d.get(Browser.server().url(prefix, section));
            Files.createDirectories(README_SHOT.getParent());
            shoot(d, README_SHOT);
        }
    }

    /** Opens a note by script: on a phone-sized page WebDriver's click can land while the page still scrolls smoothly. */
    private static void open(ChromeDriver d, WebElement marker) {
        Browser.js(d, "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'}); arguments[0].click();", marker);
    }

    private static void shoot(ChromeDriver d, Path file) throws IOException {
        Files.write(file, d.getScreenshotAs(OutputType.BYTES));
    }
}
