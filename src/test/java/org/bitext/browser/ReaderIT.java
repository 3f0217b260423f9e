package org.bitext.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The reader in a real browser: reading modes, speaker filter, note popovers, glossary tips, pinyin. */
class ReaderIT {
    private ChromeDriver d;

    @BeforeEach
    void open() {
        d = Browser.fresh();
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

    private void press(CharSequence... keys) {
        new Actions(d).sendKeys(keys).perform();
    }

    /** Tabs from the top of the page until {@code target} has focus (keyboard only, as a reader would). */
    private void tabTo(WebElement target) {
        d.switchTo().activeElement();
        Browser.js(d, "document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        for (int i = 0; i < 80; i++) {
            press(Keys.TAB);
            if (target.equals(d.switchTo().activeElement())) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + target.getAttribute("outerHTML"));
    }

    private String mode() {
        return (String) Browser.js(d, "return ['side','interleaved','zh','en'].filter(function (m) {"
                + " return document.documentElement.classList.contains('mode-' + m); }).join(',');");
    }

    @Test
    void eachReadingModeLaysOutTheTwoLanguagesAndIsKeptInTheUrlAndAcrossPages() {
        d.get(Browser.mini("sections/part-one.html"));
        WebElement zh = first("#quality .zh");
        WebElement en = first("#quality .en");
        assertEquals("side", mode());
        assertTrue(en.getRect().getX() > zh.getRect().getX() + zh.getRect().getWidth() - 1, "side by side on a wide screen");
        assertEquals(zh.getRect().getY(), en.getRect().getY(), 2, "the two columns start level");

        first(".mode-button[data-mode='interleaved']").click();
        assertEquals("interleaved", mode());
        assertTrue(d.getCurrentUrl().contains("mode=interleaved"), d.getCurrentUrl());
        assertEquals("true", first(".mode-button[data-mode='interleaved']").getAttribute("aria-pressed"));
        assertEquals("false", first(".mode-button[data-mode='side']").getAttribute("aria-pressed"));
        Rectangle z = zh.getRect();
        Rectangle e = en.getRect();
        assertTrue(e.getY() >= z.getY() + z.getHeight(), "interleaved puts the English under the Chinese");
        assertEquals(z.getX(), e.getX(), 20, "interleaved aligns the English under the Chinese");

        first(".mode-button[data-mode='zh']").click();
        assertEquals("zh", mode());
        assertTrue(d.getCurrentUrl().contains("mode=zh"), d.getCurrentUrl());
        assertTrue(d.findElements(By.cssSelector(".texts > .en")).stream().noneMatch(WebElement::isDisplayed), "no English");
        assertTrue(d.findElements(By.cssSelector(".texts > .zh")).stream().allMatch(WebElement::isDisplayed), "all Chinese");

        first(".mode-button[data-mode='en']").click();
        assertEquals("en", mode());
        assertTrue(d.findElements(By.cssSelector(".texts > .zh")).stream().noneMatch(WebElement::isDisplayed), "no Chinese");
        assertTrue(d.findElements(By.cssSelector(".texts > .en")).stream().allMatch(WebElement::isDisplayed), "all English");

        d.navigate().refresh();
        assertEquals("en", mode(), "reload keeps the mode");
        assertEquals("true", first(".mode-button[data-mode='en']").getAttribute("aria-pressed"));

        d.get(Browser.mini("transcript.html"));
        assertEquals("en", mode(), "the choice is remembered on other pages");
        assertTrue(d.getCurrentUrl().contains("mode=en"), "and shows in their URL: " + d.getCurrentUrl());

        d.get(Browser.mini("sections/part-two.html?mode=zh"));
        assertEquals("zh", mode(), "a shared link wins over the remembered choice");

        first(".mode-button[data-mode='side']").click();
        d.manage().window().setSize(Browser.PHONE);
        zh = first(".texts > .zh");
        en = first(".texts > .en");
        assertTrue(en.getRect().getY() >= zh.getRect().getY() + zh.getRect().getHeight(), "side by side stacks on a phone");
        // a phone cannot show two columns: no "Side by side" button claiming it does; the page says interleaved
        new WebDriverWait(d, Duration.ofSeconds(5)).until(x -> !first(".mode-button[data-mode='side']").isDisplayed());
        assertEquals("true", first(".mode-button[data-mode='interleaved']").getAttribute("aria-pressed"));
        assertEquals("interleaved", mode());
        assertTrue(d.getCurrentUrl().contains("mode=side"), "the choice itself is kept: " + d.getCurrentUrl());
        d.manage().window().setSize(Browser.DESKTOP);
        new WebDriverWait(d, Duration.ofSeconds(5)).until(x -> first(".mode-button[data-mode='side']").isDisplayed());
        assertEquals("true", first(".mode-button[data-mode='side']").getAttribute("aria-pressed"));
        assertEquals("side", mode(), "back to two columns on a wide window");
    }

    @Test
    void withoutJavaScriptThePageReadsSideBySideAndStacksOnAPhone() {
        d.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        d.get(Browser.mini("sections/part-one.html?mode=zh&speaker=altman"));
        assertFalse(first(".reader-controls").isDisplayed(), "controls need the script");
        assertTrue(d.findElements(By.cssSelector(".speaker-toggle")).stream().noneMatch(WebElement::isDisplayed));
        assertTrue(first(".static-speakers").isDisplayed(), "links to speaker pages instead");
        WebElement zh = first("#welcome .zh");
        WebElement en = first("#welcome .en");
        assertTrue(first("#welcome").isDisplayed(), "every speaker shows");
        assertTrue(en.getRect().getX() > zh.getRect().getX() + zh.getRect().getWidth() - 1, "side by side");
        d.manage().window().setSize(Browser.PHONE);
        assertTrue(en.getRect().getY() >= zh.getRect().getY() + zh.getRect().getHeight(), "stacked on a phone");
        assertTrue(first("#note-synthetic").isDisplayed(), "notes listed at the end");
    }

    private List<String> visibleTurnSpeakers() {
        return d.findElements(By.cssSelector(".turn[data-speaker]")).stream().filter(WebElement::isDisplayed)
                .map(t -> t.getAttribute("data-speaker")).distinct().sorted().collect(Collectors.toList());
    }

    private void assertOnlyShown(String... speakers) {
        List<String> wanted = List.of(speakers);
        for (WebElement t : d.findElements(By.cssSelector(".turn[data-speaker]"))) {
            boolean shouldShow = wanted.contains(t.getAttribute("data-speaker"));
            assertEquals(shouldShow, t.isDisplayed(), t.getAttribute("id") + " by " + t.getAttribute("data-speaker"));
        }
        for (WebElement b : d.findElements(By.cssSelector(".speaker-toggle"))) {
            assertEquals(String.valueOf(wanted.contains(b.getAttribute("data-speaker"))), b.getAttribute("aria-pressed"));
        }
    }

    @Test
    void speakerFilterHidesExactlyTheOtherSpeakersAndTheUrlReproducesIt() {
        d.get(Browser.mini("sections/part-one.html"));
        WebElement host = first(".speaker-toggle[data-speaker='host']");
        assertTrue(host.isDisplayed());
        assertEquals("true", host.getAttribute("aria-pressed"));
        assertTrue(host.getText().contains("4"), "turn count: " + host.getText());
        assertEquals(List.of("altman", "host"), visibleTurnSpeakers());

        tabTo(host);
        press(Keys.ENTER);
        assertOnlyShown("altman");
        assertTrue(d.getCurrentUrl().contains("speaker=altman"), d.getCurrentUrl());
        List<WebElement> markers = d.findElements(By.cssSelector(".hidden-marker button"));
        assertEquals(List.of("2 turns by Host hidden", "2 turns by Host hidden"),
                markers.stream().map(WebElement::getText).collect(Collectors.toList()));

        d.navigate().refresh();
        assertOnlyShown("altman");
        assertEquals(2, d.findElements(By.cssSelector(".hidden-marker")).size());

        WebElement marker = first(".hidden-marker button");
        tabTo(marker);
        press(Keys.ENTER);
        assertEquals("true", marker.getAttribute("aria-expanded"));
        assertTrue(first("#welcome").isDisplayed(), "expanded marker shows its turns");
        assertFalse(first("#next-model").isDisplayed(), "only its own run");
        marker.click();
        assertFalse(first("#welcome").isDisplayed(), "and folds them again");

        host = first(".speaker-toggle[data-speaker='host']");
        tabTo(host);
        press(Keys.SPACE);
        assertOnlyShown("altman", "host");
        assertFalse(d.getCurrentUrl().contains("speaker="), d.getCurrentUrl());
        assertEquals(0, d.findElements(By.cssSelector(".hidden-marker")).size());
    }

    @Test
    void speakerFilterOnTheTranscriptCombinesWithTheModeAndKeepsPermalinks() {
        d.get(Browser.mini("transcript.html?speaker=narrator,altman&mode=interleaved"));
        assertOnlyShown("altman", "narrator");
        assertEquals("interleaved", mode());

        d.get(Browser.mini("sections/part-one.html?speaker=altman#next-model"));
        assertTrue(first("#next-model").isDisplayed(), "a permalink to a hidden turn shows it");
        assertEquals("true", d.findElements(By.cssSelector(".hidden-marker button")).get(1).getAttribute("aria-expanded"));
        assertFalse(first("#welcome").isDisplayed(), "other hidden turns stay folded");

        d.get(Browser.mini("sections/part-one.html?speaker=altman"));
        first(".hidden-marker button").getText();
        d.get(Browser.mini("sections/part-one.html?speaker=altman#ref-synthetic"));
        assertTrue(first("#part-one-1e5157").isDisplayed(), "a link to a note marker in a hidden turn shows the turn");
    }

    @Test
    void noteOpensInPlaceStaysOnHoverAndClosesWithEscape() {
        d.get(Browser.mini("sections/part-one.html"));
        WebElement ref = first("#ref-synthetic");
        assertEquals("false", ref.getAttribute("aria-expanded"));
        ref.click();
        WebElement pop = first(".note-pop");
        assertTrue(pop.isDisplayed());
        assertTrue(pop.getText().contains("See the glossary"), pop.getText());
        assertTrue(pop.getText().toLowerCase().contains("context"), pop.getText());
        assertEquals("true", ref.getAttribute("aria-expanded"));
        assertTrue(d.getCurrentUrl().endsWith("part-one.html"), "the page did not jump: " + d.getCurrentUrl());
        int below = pop.getRect().getY() - ref.getRect().getY();
        assertTrue(below > 0 && below < 60, "the popover opens at its marker: " + below);

        new Actions(d).moveToElement(pop).pause(Duration.ofMillis(300)).moveByOffset(0, 20)
                .pause(Duration.ofMillis(700)).perform();
        assertTrue(pop.isDisplayed(), "hovering the popover keeps it");
        new Actions(d).moveToElement(first("h1")).pause(Duration.ofMillis(700)).perform();
        assertTrue(pop.isDisplayed(), "and it stays until dismissed");

        press(Keys.ESCAPE);
        assertEquals(0, d.findElements(By.cssSelector(".note-pop")).size(), "Esc dismisses it");
        assertEquals(ref, d.switchTo().activeElement(), "focus returns to the marker");
        assertEquals("false", ref.getAttribute("aria-expanded"));
        assertTrue(first("#note-synthetic").isDisplayed(), "the list at the end stays");
    }

    @Test
    void noteWorksByKeyboardAlone() {
        d.get(Browser.mini("sections/part-one.html"));
        WebElement ref = first("#ref-synthetic");
        tabTo(ref);
        press(Keys.ENTER);
        WebElement pop = first(".note-pop");
        assertTrue(pop.isDisplayed());
        assertEquals(pop, d.switchTo().activeElement(), "focus moves into the note");
        press(Keys.TAB);
        WebElement close = d.switchTo().activeElement();
        assertEquals("Close note", close.getAttribute("aria-label"));
        press(Keys.TAB);
        assertTrue(d.switchTo().activeElement().getText().contains("the glossary"), "links in the note are reachable");
        new Actions(d).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        assertEquals(close, d.switchTo().activeElement(), "Shift+Tab goes back to the close button");
        press(Keys.ENTER);
        assertEquals(0, d.findElements(By.cssSelector(".note-pop")).size(), "the close button closes it");
        assertEquals(ref, d.switchTo().activeElement());
        press(Keys.ENTER);
        assertTrue(first(".note-pop").isDisplayed(), "reopens");
        press(Keys.ENTER);
        press(Keys.ESCAPE);
        assertEquals(0, d.findElements(By.cssSelector(".note-pop")).size());

        first("h1 #ref-heading-note").click();
        assertTrue(first(".note-pop").getText().contains("A heading note"), "heading notes open too");
        first("#quality .zh").click();
        assertEquals(0, d.findElements(By.cssSelector(".note-pop")).size(), "a click elsewhere dismisses");
    }

    /** The note markers a reader can see in a turn, as their targets (#note-ID), in order. */
    private List<String> visibleMarkers(WebElement turn) {
        return turn.findElements(By.cssSelector("sup.note-ref a")).stream().filter(WebElement::isDisplayed)
                .map(a -> a.getAttribute("href").replaceAll(".*#", "#")).collect(Collectors.toList());
    }

    @Test
    void englishOnlyReadersReachEveryNoteOfATurnByKeyboardAndNoOtherModeShowsAMarkerTwice() {
        d.get(Browser.mini("sections/part-one.html?mode=en"));
        WebElement turn = first("#part-one-1e5157");
        assertFalse(first("#part-one-1e5157 .zh").isDisplayed(), "English only hides the Chinese");
        int withNotes = 0;
        for (WebElement t : d.findElements(By.cssSelector(".turn"))) {
            List<String> inChinese = t.findElements(By.cssSelector(".zh sup.note-ref a")).stream()
                    .map(a -> a.getAttribute("href").replaceAll(".*#", "#")).collect(Collectors.toList());
            assertEquals(inChinese, visibleMarkers(t), "English-only markers of " + t.getAttribute("id"));
            withNotes += inChinese.isEmpty() ? 0 : 1;
        }
        assertTrue(withNotes > 0, "the fixture has a turn with a note");

        WebElement marker = turn.findElement(By.cssSelector(".en-notes a[href='#note-synthetic']"));
        assertTrue(marker.getLocation().getY() > first("#part-one-1e5157 .en").getLocation().getY(), "after the English");
        tabTo(marker);
        press(Keys.ENTER);
        WebElement pop = first(".note-pop");
        assertTrue(pop.isDisplayed());
        assertEquals(pop, d.switchTo().activeElement(), "focus moves into the note");
        assertTrue(pop.getText().contains("See the glossary"), pop.getText());
        assertTrue(pop.getText().contains("合成数据"), "it quotes the Chinese it is about: " + pop.getText());
        press(Keys.ESCAPE);
        assertEquals(marker, d.switchTo().activeElement(), "focus returns to the marker under the English");
        assertEquals("false", marker.getAttribute("aria-expanded"));

        Browser.js(d, "arguments[0].focus();", first("#note-synthetic a.back"));
        press(Keys.ENTER);
        assertEquals(marker, d.switchTo().activeElement(), "the note's way back leads to the visible marker");

        for (String mode : List.of("side", "interleaved", "zh")) {
            Browser.js(d, "arguments[0].click();", first(".mode-button[data-mode='" + mode + "']")); // the page may still be scrolling
            assertEquals(List.of("#note-synthetic"), visibleMarkers(turn), "one marker per note in mode " + mode);
        }
    }

    @Test
    void glossaryTermShowsPinyinAndEnglishOnHoverFocusAndTap() {
        d.get(Browser.mini("sections/part-one.html"));
        WebElement term = first("#quality a.term");
        WebElement tip = first("#term-tip");
        assertFalse(tip.isDisplayed());
        new Actions(d).moveToElement(term).perform();
        new WebDriverWait(d, Duration.ofSeconds(2)).until(x -> tip.isDisplayed());
        assertTrue(tip.getText().contains("héchéng shùjù"), tip.getText());
        assertTrue(tip.getText().contains("synthetic data"), tip.getText());
        assertEquals("term-tip", term.getAttribute("aria-describedby"));
        new Actions(d).moveToElement(tip).pause(Duration.ofMillis(700)).perform();
        assertTrue(tip.isDisplayed(), "the tip can be hovered");
        press(Keys.ESCAPE);
        assertFalse(tip.isDisplayed(), "Esc dismisses the tip");

        new Actions(d).moveToElement(first("h1")).perform();
        WebElement other = first("#regulation-question a.term");
        tabTo(other);
        assertTrue(tip.isDisplayed(), "focus shows the tip");
        assertTrue(tip.getText().contains("jiānguǎn"), tip.getText());
        press(Keys.TAB);
        assertFalse(tip.isDisplayed(), "and leaving hides it");

        d.get(Browser.mini("sections/part-one.html"));
        Browser.js(d, "var t = document.querySelector('#quality a.term');"
                + "t.dispatchEvent(new PointerEvent('pointerdown', {bubbles: true, pointerType: 'touch'}));"
                + "t.click();");
        assertTrue(first("#term-tip").isDisplayed(), "a first tap shows the tip");
        assertTrue(d.getCurrentUrl().endsWith("part-one.html"), "instead of following the link");
    }

    @Test
    void pinyinToggleShowsRubyAndIsRemembered() {
        d.get(Browser.mini("sections/part-one.html"));
        WebElement rt = first("#quality rt");
        assertFalse(rt.isDisplayed());
        WebElement toggle = first(".pinyin-toggle");
        assertEquals("false", toggle.getAttribute("aria-pressed"));
        toggle.click();
        assertEquals("true", toggle.getAttribute("aria-pressed"));
        assertTrue(rt.isDisplayed(), "ruby pinyin over the term");
        assertEquals("héchéng shùjù", rt.getText());
        WebElement base = first("#quality ruby");
        assertTrue(rt.getRect().getY() < base.getRect().getY() + 8, "pinyin sits over the characters");
        d.get(Browser.mini("topics/data.html"));
        assertTrue(first("rt").isDisplayed(), "remembered on other pages");
        d.get(Browser.mini("sections/part-one.html"));
        first(".pinyin-toggle").click();
        assertFalse(first("#quality rt").isDisplayed());
    }

    @Test
    void pinyinWiderThanItsTermIsCentredOverTheTermInsteadOfSpreadingItsCharacters() {
        d.get(Browser.mini("sections/part-one.html"));
        first(".pinyin-toggle").click();
        WebElement ruby = first("#quality ruby");
        assertTrue(ruby.findElement(By.tagName("rt")).isDisplayed());
        // Chromium's default spreads the characters of the term to the width of its pinyin (a gap
        // inside the word); centring keeps the word whole. Range boxes under ruby report the spread
        // width either way, so the rule itself is what can be checked here.
        assertEquals("center", ruby.getCssValue("ruby-align"));
    }

    @Test
    void chineseQuotationsInEnglishNoteListsTakeNarrowQuotationMarks() {
        d.get(Browser.mini("notes.html"));
        // the width of the two marks: the quotation's box less the text inside it
        Number marks = (Number) Browser.js(d, "var q = document.querySelector('.notes q'), range = document.createRange();"
                + " range.selectNodeContents(q);"
                + " return q.getBoundingClientRect().width - range.getBoundingClientRect().width;");
        double em = Double.parseDouble(first(".notes q").getCssValue("font-size").replace("px", ""));
        assertTrue(marks.doubleValue() > 0.2 * em, "the marks are there: " + marks);
        assertTrue(marks.doubleValue() < 1.5 * em, "two Latin-width marks, not two full-width ones of 1 em each (" + marks + " px at " + em + " px)");
    }

    @Test
    void editorialInterventionsAreVisiblyMarked() {
        d.get(Browser.mini("sections/part-one.html"));
        WebElement edited = first("#next-model");
        assertTrue(edited.getAttribute("class").contains("edited"));
        WebElement label = edited.findElement(By.cssSelector(".intervention"));
        assertTrue(label.isDisplayed());
        assertTrue(label.getText().startsWith("Editorial 编者处理:"), label.getText());
        assertNotEquals(first("#quality").getCssValue("box-shadow"), edited.getCssValue("box-shadow"), "a marked edge");
        assertNotEquals("rgba(0, 0, 0, 0)", label.getCssValue("background-color"));
    }
}
