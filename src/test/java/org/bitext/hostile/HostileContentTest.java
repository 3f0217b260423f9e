package org.bitext.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bitext.Bitext;
import org.bitext.TestSupport;
import org.bitext.diag.BuildFailure;
import org.bitext.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every payload of {@code hostile/xss-payloads.txt} is written into every field an editor writes that
 * reaches a page (title, description, introduction, speaker names and about, section titles, glosses,
 * intervention reasons, notes, glossary entries, topic names and descriptions) and into the transcript
 * (as text and as a metadata value); the edition is built and every page is checked by
 * {@link PageSafety}.
 */
class HostileContentTest {
    static final Path PAYLOADS = Path.of("src/test/resources/hostile/xss-payloads.txt");

    /** The mini fixture's edition with a payload (P) in every editor-written field that reaches a page. */
    private static final String EDITION = """
            edition:
              title: {zh: P, en: P}
              base_url: https://example.github.io/mini/
              description: {zh: P, en: P}
              source: {end_before: 往期回顾}
              introduction: {zh: P, en: P}
            speakers:
              narrator: {zh: P, en: P, before_first_label: true, about: {zh: P, en: P}}
              host: {zh: P, en: P, labels: [主持人], about: {zh: P, en: P}}
              altman: {zh: P, en: P, labels: [Sam Altman]}
            sections:
              - {at: 在日内瓦的AI, id: introduction, en: P}
              - {at: 对话整理, id: remarks, en: P}
              - {at: 第一部分, id: part-one, en: P}
              - {at: 第二部分, id: part-two, en: P}
            turns:
              - {at: 在日内瓦举行的, id: intro, en: P}
              - {at: 你好，Sam, id: welcome, en: P, speaker: altman, reason: P}
              - {at: 你怎么看合成数据, en: P}
              - at: 关键在于高质量
                id: quality
                en: P
                split: [{at: 那么下一代模型, id: next-model, speaker: host, reason: P, en: P}]
              - {at: 那么，监管呢, id: regulation-question, en: P}
              - {at: 监管需要时间, id: regulation-answer, en: P}
            notes:
              - {id: summit, at: AI for Good全球峰会, kind: event, text: P}
              - {id: heading-note, at: 第一部分, kind: correction, text: P}
              - {id: synthetic, at: 合成数据, prefix: 你怎么看, kind: context, text: P}
            glossary:
              - {zh: 合成数据, pinyin: héchéng shùjù, en: P, note: P}
              - {zh: 监管, pinyin: jiānguǎn, en: P, note: P}
            topics:
              data: {zh: P, en: P, description: {zh: P, en: P}, turns: [你怎么看合成数据, 关键在于高质量]}
              regulation: {zh: P, en: P, turns: [那么，监管呢, 监管需要时间, 那么下一代模型]}
            """;

    @TempDir
    Path tmp;

    static Stream<String> payloads() throws IOException {
        return Files.readAllLines(PAYLOADS, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("# "))
                .map(l -> l.replace("\\n", "\n"));
    }

    @Test
    void theCorpusCoversTheKnownVectors() throws IOException {
        String all = String.join("\n", payloads().toList()).toLowerCase(java.util.Locale.ROOT);
        for (String vector : List.of("<script", "onerror", "javascript:", "data:", "vbscript:", "<style", "style=",
                "<iframe", "<svg onload", "jav&#x09;ascript:", "&#106;", "](javascript:", "![", "<javascript:", "<!--",
                "<base", "http-equiv=\"refresh\"", "<form", "formaction", "<object", "<embed")) {
            assertTrue(all.contains(vector), "the corpus has no " + vector);
        }
        assertTrue(payloads().count() >= 80);
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void payloadInEveryFieldStaysInert(String payload) throws IOException {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("edition.yaml"), EDITION.replace("P", yamlQuoted(payload)), StandardCharsets.UTF_8);
        String transcript = Files.readString(TestSupport.MINI.resolve("transcript.md"), StandardCharsets.UTF_8)
                .replace("监管需要时间。我们一起学习。", "监管需要时间。我们一起学习。\n\n" + payload + "\n")
                .replace("你怎么看合成数据？", "你怎么看合成数据？" + payload.replace("\n", " "));
        if (!payload.contains("\n")) {
            transcript = transcript.replace("文章作者: 测试作者", "文章作者: 测试作者" + payload);
        }
        Files.writeString(content.resolve("transcript.md"), transcript, StandardCharsets.UTF_8);

        Map<String, byte[]> files = build(content);
        List<String> problems = new ArrayList<>();
        int pages = 0;
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (f.getKey().endsWith(".html")) {
                pages++;
                problems.addAll(PageSafety.problems(f.getKey(), new String(f.getValue(), StandardCharsets.UTF_8)));
            }
        }
        assertTrue(pages >= 10, "pages built: " + files.keySet());
        // the payload did reach the pages, as text: the title is made of it
        String title = org.jsoup.Jsoup.parse(new String(files.get("index.html"), StandardCharsets.UTF_8)).title();
        assertTrue(title.contains(payload.strip().replaceAll("\\s+", " ")), "title: " + title);
        assertEquals(List.of(), problems, "payload: " + payload);
    }

    /** The checker itself catches what it is there to catch (a test of the test). */
    @Test
    void theCheckerRejectsUnsafePages() {
        String head = "<head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self'; "
                + "style-src 'self'; object-src 'none'; base-uri 'self'\"><script src=\"assets/bitext.js\" defer></script></head>";
        assertEquals(List.of(), PageSafety.problems("ok", "<!DOCTYPE html><html>" + head + "<body><p>fine</p></body></html>"));
        for (String bad : List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<a href=\"jav&#x09;ascript:x\">",
                "<a href=\" JAVASCRIPT:x\">", "<a href=\"data:text/html,x\">", "<p style=\"color:red\">", "<style>p{}</style>",
                "<iframe></iframe>", "<form></form>", "<base href=\"/\">", "<meta http-equiv=\"refresh\" content=\"0\">",
                "<svg onload=alert(1)>", "<object></object>", "<a href=\"vbscript:x\">")) {
            assertFalse(PageSafety.problems("bad", "<!DOCTYPE html><html>" + head + "<body>" + bad + "</body></html>").isEmpty(), bad);
        }
        assertFalse(PageSafety.problems("no-csp", "<!DOCTYPE html><html><head></head><body></body></html>").isEmpty());
    }

    private Map<String, byte[]> build(Path content) throws IOException {
        Diagnostics diags = new Diagnostics();
        try {
            return Bitext.render(new Bitext.Options(content, TestSupport.TEMPLATES, tmp.resolve("site"), false), diags).files();
        } catch (BuildFailure e) {
            StringBuilder sb = new StringBuilder("the hostile edition does not build:\n");
            diags.sorted().forEach(d -> sb.append(diags.format(d)).append('\n'));
            throw new AssertionError(sb.toString());
        }
    }

    /** A YAML double-quoted scalar holding exactly {@code s}. */
    static String yamlQuoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                sb.append('\\').appendCodePoint(c);
            } else if (c >= 0x20 && c < 0x7f) {
                sb.appendCodePoint(c);
            } else if (c <= 0xffff) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.append(String.format("\\U%08x", c));
            }
        });
        return sb.append('"').toString();
    }
}
