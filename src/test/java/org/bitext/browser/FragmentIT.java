package org.bitext.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Whatever fragment a link or a reader types, the page script runs without an error. */
class FragmentIT {
    @ParameterizedTest
    @ValueSource(strings = {"%E0%A4%A", "%", "%ZZ", "%C0%AF", "ref-%22%5D", "no-such-id"})
    void aMalformedOrUnknownFragmentThrowsNothing(String fragment) {
        ChromeDriver d = Browser.fresh();
        d.get(Browser.mini("sections/part-one.html") + "#" + fragment);
        new WebDriverWait(d, Duration.ofSeconds(10))
                .until(x -> "complete".equals(Browser.js(d, "return document.readyState")));
        assertEquals(Boolean.TRUE, Browser.js(d, "return document.documentElement.classList.contains('mode-side')"
                + " || document.documentElement.classList.contains('mode-interleaved')"), "the reader script ran");
        assertEquals(List.of(), Browser.consoleProblems(d), "console");
    }

    @Test
    void aFragmentChangedAfterLoadThrowsNothing() {
        ChromeDriver d = Browser.fresh();
        d.get(Browser.mini("sections/part-one.html"));
        Browser.js(d, "window.location.hash = '%E0%A4%A';");
        Browser.js(d, "return 1;"); // let hashchange run
        assertEquals(List.of(), Browser.consoleProblems(d), "console");
    }
}
