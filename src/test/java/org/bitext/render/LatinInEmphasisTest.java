package org.bitext.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class LatinInEmphasisTest {
    private static final String O = LatinInEmphasis.OPEN;
    private static final String C = LatinInEmphasis.CLOSE;

    @Test
    void latinWordsInsideChineseEmphasisAreMarkedAndTheChineseIsNot() {
        assertEquals("<em>《" + O + "The Atlantic" + C + "》首席执行官</em>",
                LatinInEmphasis.mark("<em>《The Atlantic》首席执行官</em>"));
        assertEquals("<p>在<i>" + O + "AI for Good" + C + "峰会</i>上</p>",
                LatinInEmphasis.mark("<p>在<i>AI for Good峰会</i>上</p>"));
        assertEquals("<em>" + O + "GPT-4o" + C + "和" + O + "Sam Altman" + C + "</em>。",
                LatinInEmphasis.mark("<em>GPT-4o和Sam Altman</em>。"));
    }

    @Test
    void latinOutsideEmphasisAndInStrongIsLeftAlone() {
        String html = "<p>OpenAI的<strong>ChatGPT</strong>，<em>非常</em>好</p>";
        assertEquals(html, LatinInEmphasis.mark(html));
        String none = "<p>OpenAI的ChatGPT</p>";
        assertSame(none, LatinInEmphasis.mark(none), "no emphasis: the same string, not a copy");
    }

    @Test
    void tagsAttributesAndCharacterReferencesAreNeverCutIntoPieces() {
        assertEquals("<em><a href=\"https://example.org/a>b?q=x\" rel=\"noopener noreferrer\">" + O + "AT" + C + "&amp;"
                + O + "T" + C + "</a> 与 &lt;" + O + "b" + C + "&gt;</em>",
                LatinInEmphasis.mark("<em><a href=\"https://example.org/a>b?q=x\" rel=\"noopener noreferrer\">AT&amp;T</a>"
                        + " 与 &lt;b&gt;</em>"));
        assertEquals("<em>" + O + "x" + C + "</em> y <em>" + O + "z" + C + "</em>",
                LatinInEmphasis.mark("<em>x</em> y <em>z</em>"));
    }

    @Test
    void aBareAmpersandIsTextAndDoesNotHideTheTagsAfterIt() {
        assertEquals("<em>" + O + "A" + C + " &" + O + "B" + C + "</em> x <em>" + O + "C" + C + "</em>;",
                LatinInEmphasis.mark("<em>A &B</em> x <em>C</em>;"));
    }

    @Test
    void aRunKeepsItsInnerSpacesAndPunctuationButNotTheTrailingOnes() {
        assertEquals("<em>" + O + "A. I" + C + ". 和 " + O + "co-op" + C + "- </em>",
                LatinInEmphasis.mark("<em>A. I. 和 co-op- </em>"));
    }
}
