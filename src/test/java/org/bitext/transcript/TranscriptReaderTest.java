package org.bitext.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bitext.diag.Diagnostics;
import org.junit.jupiter.api.Test;

class TranscriptReaderTest {
    private final Diagnostics diags = new Diagnostics();

    private Transcript read(String md) {
        return new TranscriptReader().read("t.md", md, "往期回顾", null, diags);
    }

    private static List<Paragraph> paragraphs(Transcript t) {
        return t.sections().stream().flatMap(s -> s.paragraphs().stream()).toList();
    }

    @Test
    void boldLabelWithFullOrHalfWidthColonStartsATurn() {
        Transcript t = read("# T\n\n**主持人：** 你好。\n\n**Sam Altman:**\n谢谢。\n\n**主持人**：再见。\n\n# 往期回顾\n");
        List<Paragraph> ps = paragraphs(t);
        assertEquals(3, ps.size());
        assertEquals("主持人", ps.get(0).label());
        assertEquals("你好。", ps.get(0).text());
        assertEquals("Sam Altman", ps.get(1).label());
        assertEquals("谢谢。", ps.get(1).text());
        assertEquals("主持人", ps.get(2).label());
        assertEquals("再见。", ps.get(2).text());
        assertFalse(diags.hasErrors());
    }

    @Test
    void unlabeledParagraphHasNoLabelSoItContinuesTheSpeaker() {
        Transcript t = read("# T\n\n**主持人：** 一。\n\n二。\n\n# 往期回顾\n");
        List<Paragraph> ps = paragraphs(t);
        assertEquals("主持人", ps.get(0).label());
        assertNull(ps.get(1).label());
        assertEquals("二。", ps.get(1).text());
    }

    @Test
    void strayColonAfterALabelIsNotText() {
        Transcript t = read("# T\n\n**主持人：**\n：那么，监管呢？\n\n# 往期回顾\n");
        assertEquals("那么，监管呢？", paragraphs(t).get(0).text());
    }

    @Test
    void softBreaksJoinWithoutSpaceInChineseAndWithOneSpaceBetweenLatinWords() {
        Transcript t = read("# T\n\n在日内瓦举行的AI for\nGood全球峰会上，Sam\nAltman——作为\n首席执行官。\n\n# 往期回顾\n");
        assertEquals("在日内瓦举行的AI for Good全球峰会上，Sam Altman——作为首席执行官。", paragraphs(t).get(0).text());
    }

    @Test
    void bothHeadingLevelsStartSectionsAndAnEmptyHeadingIsAPartTitle() {
        Transcript t = read("# 标题\n\n导语。\n\n# 发言整理\n\n## 第一节\n\n**主持人：** 问。\n\n# 第二节\n\n**主持人：** 再问。\n\n# 往期回顾\n");
        List<RawSection> s = t.sections();
        assertEquals(List.of("标题", "发言整理", "第一节", "第二节"), s.stream().map(RawSection::heading).toList());
        assertTrue(s.get(1).isPartTitle());
        assertFalse(s.get(2).isPartTitle());
        assertEquals(2, s.get(2).level());
    }

    @Test
    void everythingFromTheEndMarkerOnIsLeftOut() {
        Transcript t = read("# T\n\n**主持人：** 问。\n\n# 往期回顾\n\n合作请联系负责人微信：Milo-1101\n\n## 广告\n\n广告。\n");
        assertEquals(1, t.sections().size());
        assertEquals(1, paragraphs(t).size());
        assertFalse(diags.hasErrors());
    }

    @Test
    void aMissingEndMarkerIsAnError() {
        read("# T\n\n**主持人：** 问。\n");
        assertTrue(diags.hasErrors());
        assertTrue(diags.errors().get(0).message().contains("往期回顾"), diags.errors().toString());
    }

    @Test
    void metadataLinesBecomeSourceMetaNotText() {
        Transcript t = read("# T\n\n文章作者: 作者甲\n发布时间: 2024-06-03 10:00\n发布地: 未知地区\n原文链接: http://example.com/a\n\n"
                + "封面图链接: https://example.com/c.png\n\n![](https://example.com/i.png)\n\n正文。\n\n# 往期回顾\n");
        assertEquals("作者甲", t.meta().author());
        assertEquals("2024-06-03 10:00", t.meta().published());
        assertEquals("http://example.com/a", t.meta().url());
        assertEquals("https://example.com/c.png", t.meta().cover());
        assertEquals(List.of("正文。"), paragraphs(t).stream().map(Paragraph::text).toList());
        assertEquals(1, t.sections().get(0).omittedImages());
    }

    @Test
    void paragraphPositionsPointAtTheSourceLine() {
        Transcript t = read("# T\n\n**主持人：** 问。\n\n# 往期回顾\n");
        assertEquals(3, paragraphs(t).get(0).position().line());
        assertEquals(1, paragraphs(t).get(0).position().column());
    }
}
