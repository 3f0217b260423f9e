package org.bitext.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * One headless Debian chromium per test JVM, driven through Debian's chromedriver (nothing is downloaded),
 * plus a loopback server with the built sites under subpaths. Tests skip loudly without chromium,
 * and fail instead when -Dbrowser.required=true.
 */
final class Browser {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Subpath of the mini fixture site; the real edition (when present) is under {@link #REAL}. */
    static final String MINI = "bitext-test";
    static final String REAL = "bitext-real";
    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);

    /** Records CSP violations from the first script of every document (CDP-injected, so not subject to the CSP). */
    private static final String CSP_HOOK = "window.__bitextCsp = [];"
            + "document.addEventListener('securitypolicyviolation', function (e) {"
            + " window.__bitextCsp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber); });";

    private static ChromeDriver driver;
    private static SiteServer server;
    private static boolean realMounted;

    private Browser() {
    }

    /** Skips (or, with -Dbrowser.required=true, fails) when chromium or chromedriver is missing. */
    static void assumeAvailable() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String message = "\n\n*** BROWSER TESTS NOT RUN: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing. ***\n"
                + "*** Install them with: apt-get install -y chromium chromium-driver fonts-noto-cjk ***\n";
        System.err.println(message);
        if (Boolean.getBoolean("browser.required")) {
            Assertions.fail(message + "(-Dbrowser.required=true)");
        }
        Assumptions.abort(message);
    }

    static synchronized ChromeDriver driver() {
        assumeAvailable();
        if (driver == null) {
            Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
            System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
            Path profile;
            try {
                profile = Files.createTempDirectory("bitext-chromium-");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-extensions", "--hide-scrollbars",
                    "--force-device-scale-factor=1", "--lang=en-GB", "--user-data-dir=" + profile);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_HOOK));
            ChromeDriver d = driver;
            Path leftover = profile;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                d.quit();
                Sites.deleteQuietly(leftover); // each run's profile is ~7 MB: leave none behind
            }));
        }
        return driver;
    }

    static synchronized SiteServer server() {
        if (server == null) {
            try {
                server = new SiteServer();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            server.mount(MINI, Sites.mini());
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        if (!realMounted && Sites.real().isPresent()) {
            server.mount(REAL, Sites.real().get());
            realMounted = true;
        }
        return server;
    }

    /** URL of a page of the mini fixture site. */
    static String mini(String page) {
        return server().url(MINI, page);
    }

    /** A fresh reading state: desktop window, light scheme, no stored choices, logs drained. */
    static ChromeDriver fresh() {
        ChromeDriver d = driver();
        server();
        d.manage().window().setSize(DESKTOP);
        scheme(d, "light");
        d.get(mini("robots.txt"));
        ((JavascriptExecutor) d).executeScript("window.localStorage.clear();");
        d.manage().logs().get(LogType.BROWSER);
        return d;
    }

    /** Emulates prefers-color-scheme (light or dark) through the DevTools protocol. */
    static void scheme(ChromeDriver d, String scheme) {
        d.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** Console messages at warning level or above since the last call (CSP reports land here too). */
    /** Fails if the page logged a warning or an error (a CSP violation included); scripts are turned back on first. */
    static void assertNoConsoleProblems(ChromeDriver d) {
        d.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        Assertions.assertEquals(List.of(), consoleProblems(d), "console");
    }

    static List<String> consoleProblems(ChromeDriver d) {
        return d.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::toString).collect(Collectors.toList());
    }

    @SuppressWarnings("unchecked")
    static List<String> cspViolations(ChromeDriver d) {
        Object v = ((JavascriptExecutor) d).executeScript("return window.__bitextCsp || ['no CSP hook in this page'];");
        return (List<String>) v;
    }

    static Object js(ChromeDriver d, String script, Object... args) {
        return ((JavascriptExecutor) d).executeScript(script, args);
    }
}
