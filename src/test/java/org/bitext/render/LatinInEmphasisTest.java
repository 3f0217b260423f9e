package org.bitext.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatinInEmphasisTest {
    private static final String O = "<span class=\"latn\">";
    private static final String C = "</span>";
    private final Markdown markdown = new Markdown();

    @Test
    void latinWordsInsideChineseEmphasisAreMarkedAndTheChineseIsNot() {
        assertEquals("<em>《" + O + "The Atlantic" + C + "》首席执行官</em>", markdown.inlineZh("*《The Atlantic》首席执行官*"));
        assertEquals("<p>在<em>" + O + "AI for Good" + C + "峰会</em>上</p>", markdown.blockZh("在*AI for Good峰会*上"));
        assertEquals("<em>" + O + "GPT-4o" + C + "和" + O + "Sam Altman" + C + "</em>。", markdown.inlineZh("*GPT-4o和Sam Altman*。"));
    }

    @Test
    void latinOutsideEmphasisAndInStrongIsLeftAlone() {
        assertEquals("OpenAI的<strong>ChatGPT</strong>，<em>非常</em>好", markdown.inlineZh("OpenAI的**ChatGPT**，*非常*好"));
    }

    @Test
    void onlyChineseTextsAreMarked() {
        assertEquals("<em>The Atlantic</em>", markdown.inline("*The Atlantic*"));
        assertEquals("<em>" + O + "The Atlantic" + C + "</em>", markdown.inlineZh("*The Atlantic*"));
    }

    @Test
    void linksAndEscapedCharactersInsideEmphasisStayWhole() {
        assertEquals("<em><a href=\"https://example.org/a?q=x&amp;y\" rel=\"noopener noreferrer\">" + O + "AT" + C + "&amp;"
                + O + "T" + C + "</a> 与 &lt;" + O + "b" + C + "&gt;</em>",
                markdown.inlineZh("*[AT&T](https://example.org/a?q=x&y) 与 <b\\>*"));
        assertEquals("<em>" + O + "x" + C + "</em> y <em>" + O + "z" + C + "</em>", markdown.inlineZh("*x* y *z*"));
    }

    @Test
    void aLineBreakInsideEmphasisIsASpaceWithinTheRun() {
        assertEquals("<em>" + O + "The Atlantic" + C + "杂志</em>", markdown.inlineZh("*The\nAtlantic杂志*"));
    }

    @Test
    void aRunKeepsItsInnerSpacesAndPunctuationButNotTheTrailingOnes() {
        assertEquals("<em>" + O + "A. I" + C + ". 和 " + O + "co-op" + C + "-</em>", markdown.inlineZh("*A. I. 和 co-op-*"));
    }
}
