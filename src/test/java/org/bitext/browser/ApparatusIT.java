package org.bitext.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/** The apparatus in a real browser: the Cite control, margin numbers in every reading mode, the index of names. */
class ApparatusIT {
    private static final String CITATION = "Li Hua and Ann Smith (eds.). Test edition (测试版). 2025-01-15, turn 5. "
            + "https://example.github.io/mini/sections/part-one.html#next-model. "
            + "Chinese text: 测试作者, 2024-06-03, http://example.com/article.";

    private ChromeDriver d;

    @BeforeEach
    void open() {
        d = Browser.fresh();
        // let the page write to the clipboard and the test read it back
        String origin = Browser.mini("").replaceAll("^(https?://[^/]+).*$", "$1");
        d.executeCdpCommand("Browser.grantPermissions", Map.of("origin", origin,
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    @AfterEach
    void noConsoleErrorsOrCspViolations() {
        if (d != null) {
            Browser.assertNoConsoleProblems(d);
        }
    }

    private WebElement first(String css) {
        return d.findElement(By.cssSelector(css));
    }

    private String clipboard() {
        return (String) d.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "navigator.clipboard.readText().then(done, function (e) { done('failed: ' + e); });");
    }

    private void clearClipboard() {
        d.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "navigator.clipboard.writeText('').then(done, done);");
    }

    private void waitForStatus(WebElement turn) {
        for (int i = 0; i < 100 && turn.findElements(By.cssSelector(".cite-status")).stream()
                .noneMatch(s -> !s.getText().isEmpty()); i++) {
            Browser.js(d, "return 0;");
        }
    }

    @Test
    void citeWithThePointerShowsTheTurnsCitationAndCopiesIt() {
        d.get(Browser.mini("sections/part-one.html"));
        clearClipboard();
        WebElement turn = first("#next-model");
        WebElement cite = turn.findElement(By.cssSelector(".cite-button"));
        assertEquals("false", cite.getAttribute("aria-expanded"));
        cite.click();
        assertEquals("true", cite.getAttribute("aria-expanded"));
        WebElement box = turn.findElement(By.cssSelector(".cite-box"));
        assertTrue(box.isDisplayed());
        assertEquals(CITATION, box.findElement(By.cssSelector(".cite-text")).getText());
        waitForStatus(turn);
        assertEquals("Citation copied. 引用已复制。", turn.findElement(By.cssSelector(".cite-status")).getText());
        assertEquals(CITATION, clipboard());
        cite.click();
        assertEquals("false", cite.getAttribute("aria-expanded"));
        assertTrue(turn.findElements(By.cssSelector(".cite-box")).isEmpty(), "a second press hides it");
    }

    @Test
    void citeWorksFromTheKeyboard() {
        d.get(Browser.mini("sections/part-one.html"));
        clearClipboard();
        WebElement cite = first("#quality .cite-button");
        Browser.js(d, "arguments[0].focus();", first("#quality .permalink"));
        new Actions(d).sendKeys(Keys.TAB).perform();
        assertEquals(cite, d.switchTo().activeElement(), "the Cite control is in the tab order after the number (the permalink)");
        new Actions(d).sendKeys(Keys.ENTER).perform();
        WebElement turn = first("#quality");
        waitForStatus(turn);
        assertTrue(turn.findElement(By.cssSelector(".cite-text")).getText().contains("turn 4. https://example.github.io/mini/sections/part-one.html#quality."));
        assertTrue(clipboard().contains(", turn 4. "));
        new Actions(d).sendKeys(Keys.SPACE).perform();
        assertTrue(turn.findElements(By.cssSelector(".cite-box")).isEmpty(), "Space closes it again");
    }

    @Test
    void withoutScriptCiteIsALinkToTheTurnsEntryOnTheCitationPage() {
        d.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        d.get(Browser.mini("sections/part-one.html"));
        WebElement link = first("#next-model a.cite-link");
        link.click();
        assertTrue(d.getCurrentUrl().endsWith("/cite.html#cite-next-model"), d.getCurrentUrl());
        assertEquals(CITATION, first("#cite-next-model .citation").getText());
    }

    @Test
    void theTurnNumberStaysInTheMarginInEveryReadingMode() {
        d.get(Browser.mini("sections/part-one.html"));
        for (String mode : List.of("side", "interleaved", "zh", "en")) {
            first(".mode-button[data-mode='" + mode + "']").click();
            for (WebElement turn : d.findElements(By.cssSelector("article.turn"))) {
                WebElement number = turn.findElement(By.cssSelector(".turn-number"));
                assertTrue(number.isDisplayed(), mode + ": " + turn.getAttribute("id"));
                Rectangle n = number.getRect();
                Rectangle texts = turn.findElement(By.cssSelector(".texts")).getRect();
                assertTrue(n.getX() >= 0 && n.getX() + n.getWidth() <= texts.getX(),
                        mode + ": the number of " + turn.getAttribute("id") + " is left of the text, in the margin");
            }
            assertEquals(List.of("2", "3", "4", "5", "6"), d.findElements(By.cssSelector(".turn-number")).stream()
                    .map(e -> e.getText().replaceAll("\\D", "")).toList(), mode);
        }
    }

    @Test
    void onAPhoneTheNumberStandsAtTheHeadOfTheTurn() {
        d.manage().window().setSize(Browser.PHONE);
        d.get(Browser.mini("transcript.html"));
        WebElement number = first("#quality .turn-number");
        assertTrue(number.isDisplayed());
        assertTrue(number.getRect().getX() >= 0, "not pushed off the screen");
        assertEquals("4", number.getText().replaceAll("\\D", ""));
    }

    @Test
    void theIndexOfNamesIsReachedFromTheNavigationAndLeadsToEveryTurn() {
        d.get(Browser.mini("index.html"));
        first(".site-nav a[href$='names.html']").click();
        assertTrue(d.getCurrentUrl().endsWith("/names.html"), d.getCurrentUrl());
        assertEquals("Sam", first("#name-altman").getText());
        List<WebElement> turns = d.findElements(By.cssSelector("#name-altman + dd .turn-list a"));
        assertEquals(List.of("1", "2"), turns.stream().map(WebElement::getText).toList());
        turns.get(1).click();
        assertTrue(d.getCurrentUrl().endsWith("/sections/part-one.html#welcome"), d.getCurrentUrl());
        assertEquals("2", first("#welcome .turn-number").getText().replaceAll("\\D", ""));
        assertNull(first("#welcome .cite-button").getAttribute("href"));
    }
}
