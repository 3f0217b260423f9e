package org.bitext.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bitext.Bitext;
import org.bitext.TestSupport;
import org.bitext.diag.Diagnostics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Emphasis in an editor's Chinese (speaker notes, the introduction) keeps its dots off Latin words. */
class LatinInChineseEmphasisPageTest {

    @Test
    void chineseEmphasisOnPagesMarksLatinWordsAndEnglishEmphasisIsUnchanged(@TempDir Path dir) throws Exception {
        Path content = dir.resolve("content");
        Files.createDirectories(content);
        Files.copy(TestSupport.MINI.resolve("transcript.md"), content.resolve("transcript.md"));
        String yaml = Files.readString(TestSupport.MINI.resolve("edition.yaml"), StandardCharsets.UTF_8)
                .replace("host: {zh: 主持人, en: Host, labels: [主持人]}",
                        "host: {zh: 主持人, en: Host, labels: [主持人], about: {zh: \"*《The Atlantic》首席执行官*\","
                                + " en: \"Chief executive of *The Atlantic*\"}}")
                .replace("zh: 这是**测试**。", "zh: 这是*AI for Good*测试。");
        Files.writeString(content.resolve("edition.yaml"), yaml, StandardCharsets.UTF_8);
        Map<String, byte[]> files = Bitext.render(new Bitext.Options(content, TestSupport.TEMPLATES, dir.resolve("site"), false),
                new Diagnostics()).files();

        Document host = Jsoup.parse(new String(files.get("speakers/host.html"), StandardCharsets.UTF_8));
        assertEquals("<em>《<span class=\"latn\">The Atlantic</span>》首席执行官</em>",
                host.selectFirst("[lang=zh-Hans] em").outerHtml());
        assertEquals("<em>The Atlantic</em>", host.selectFirst("[lang=en] em").outerHtml());

        Document index = Jsoup.parse(new String(files.get("index.html"), StandardCharsets.UTF_8));
        assertEquals("<em><span class=\"latn\">AI for Good</span></em>", index.selectFirst("[lang=zh-Hans] em").outerHtml());
    }
}
