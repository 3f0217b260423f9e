package org.bitext.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bitext.Bitext;
import org.bitext.TestSupport;
import org.bitext.TestSupport.Run;
import org.bitext.serve.DevServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bitext init}: a new edition from nothing but a transcript, checked and built end to end. */
class InitCommandTest {
    /**
     * A transcript nobody wrote an edition for: text before the first label, three speakers, a label on
     * its own line, a half-width colon, a colon outside the bold, a Latin name broken across lines, a
     * heading that is also a Latin phrase, and a publisher's tail.
     */
    static final String TALK = """
            # 在里斯本的一次对话：城市与水

            文章作者: 编辑部
            发布时间: 2025-03-01 09:00

            这是一次关于城市供水的对话，嘉宾来自Porto
            Alegre，对话在里斯本进行。

            ## 第一部分：城市

            **主持人：**
            欢迎你来到节目。你的城市去年经历了洪水吗？

            **Ana Souza:** 是的，Porto Alegre在二〇二四年经历了严重的洪水。我们学到了很多。

            **主持人**：那么你们是怎么恢复的？

            ## Water and drains

            **李工程师：** 我补充一点：排水系统需要重新设计。

            **Ana Souza:** 我同意。

            **主持人：** 谢谢两位。

            ## 往期推荐

            扫码关注我们，获取更多内容。
            """;

    private static Path transcript(Path dir, String text) throws IOException {
        Path file = dir.resolve("talk.md");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void initThenCheckThenFillInThenBuildGivesTheWholeSite(@TempDir Path tmp) throws IOException {
        Path talk = transcript(tmp, TALK);
        Path ed = tmp.resolve("edition");
        Run init = TestSupport.cli("init", ed.toString(), "--transcript", talk.toString());
        assertEquals(0, init.code(), init.err());
        assertTrue(init.out().contains("4 speakers, 3 sections, 7 turns to translate"), init.out());

        assertArrayEquals(Files.readAllBytes(talk), Files.readAllBytes(ed.resolve("content/transcript.md")));
        for (String f : List.of("content/edition.schema.json", ".gitignore", ".github/workflows/pages.yml", "README.md")) {
            assertTrue(Files.isRegularFile(ed.resolve(f)), f);
        }
        String yaml = Files.readString(ed.resolve("content/edition.yaml"));
        assertTrue(yaml.startsWith("# yaml-language-server: $schema=edition.schema.json\n"), yaml);
        assertTrue(yaml.contains("source: {end_before: \"往期推荐\"}"), yaml);
        assertTrue(yaml.contains("narrator: {zh: 叙述者, en: Narrator, before_first_label: true}"), yaml);
        assertTrue(yaml.contains("host: {zh: \"主持人\", en: \"Host\", labels: [\"主持人\"]}"), yaml);
        assertTrue(yaml.contains("ana-souza: {zh: \"Ana Souza\", en: \"Ana Souza\", labels: [\"Ana Souza\"]}"), yaml);
        assertTrue(yaml.contains("speaker-3: {zh: \"李工程师\", en: \"李工程师\", labels: [\"李工程师\"]}  # TODO"), yaml);
        assertTrue(yaml.contains("- {at: \"Water and drains\", id: water-and-drains, en: \"Water and drains\"}\n"), yaml);
        assertTrue(yaml.contains("- at: \"是的，Porto\"  # line 14, ana-souza\n    en: \"\"  # TODO\n"), yaml);
        assertTrue(yaml.contains("notes: []\nglossary: []\ntopics: {}\n"), yaml);
        assertEquals(7, count(yaml, "\n    en: \"\"  # TODO\n"));

        Path content = ed.resolve("content");
        // run in the edition's own folder, as its editor does: no templates folder, so the built-in theme
        Run check = inFolder(ed, "check");
        assertEquals(0, check.code(), check.err());
        assertFalse(check.err().contains("error"), check.err());

        // the editor writes the English of every turn
        Matcher m = Pattern.compile("en: \"\"  # TODO").matcher(yaml);
        StringBuilder filled = new StringBuilder();
        int n = 0;
        while (m.find()) {
            m.appendReplacement(filled, "en: \"English gloss " + (++n) + "\"");
        }
        m.appendTail(filled);
        Files.writeString(content.resolve("edition.yaml"), filled, StandardCharsets.UTF_8);
        Path site = ed.resolve("site");
        Run build = inFolder(ed, "build", "--strict");
        assertEquals(0, build.code(), build.err());
        for (String page : List.of("index.html", "transcript.html", "sections/section-2.html",
                "sections/water-and-drains.html", "speakers/host.html", "speakers/ana-souza.html",
                "speakers/speaker-3.html", "edition.json")) {
            assertTrue(Files.isRegularFile(site.resolve(page)), page);
        }
        String whole = Files.readString(site.resolve("transcript.html"));
        for (int i = 1; i <= 7; i++) {
            assertTrue(whole.contains("English gloss " + i + "<") || whole.contains("English gloss " + i + "\n"),
                    "gloss " + i + " missing");
        }
        assertTrue(whole.contains("Porto Alegre"), "the Latin name keeps its space");
        assertFalse(Files.exists(ed.resolve("templates")), "no templates folder anywhere");
        assertArrayEquals(Files.readAllBytes(TestSupport.TEMPLATES.resolve("assets/bitext.css")),
                Files.readAllBytes(site.resolve("assets/bitext.css")), "the built-in theme's assets");
        assertFalse(whole.contains("扫码关注"), "the publisher's tail is left out");
        assertFalse(whole.contains("Translation pending"), "no turn is left pending");
    }

    @Test
    void serveShowsTheNewEditionUnderThePathOfTheGivenBaseUrl(@TempDir Path tmp) throws Exception {
        Path talk = transcript(tmp, TALK);
        Path ed = tmp.resolve("e");
        assertEquals(0, TestSupport.cli("init", ed.toString(), "--transcript", talk.toString()).code());
        StringWriter log = new StringWriter();
        PrintWriter w = new PrintWriter(log, true);
        Bitext.Options options = new Bitext.Options(ed.resolve("content"), ed.resolve("templates"), ed.resolve("site"), false,
                null, false, "https://someone.github.io/talk/");
        try (DevServer server = new DevServer(options, DevServer.DEFAULT_HOST, 0, false, w, w)) {
            server.start();
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.address().getPort();
            HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(base + "/talk/"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, home.statusCode(), log.toString());
            assertTrue(home.body().contains("在里斯本的一次对话：城市与水"), home.body());
            HttpResponse<String> section = http.send(HttpRequest.newBuilder(URI.create(base + "/talk/sections/section-2.html"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, section.statusCode());
            assertTrue(section.body().contains("欢迎你来到节目。"), section.body());
        }
    }

    /** Runs bitext in {@code folder} as its working folder, in a JVM of its own. */
    private static Run inFolder(Path folder, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "org.bitext.cli.Main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(folder.toFile()).redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Run(p.waitFor(), out, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Test
    void aTranscriptWithoutAPublishersTailGetsNoEndMarkerAndStillChecks(@TempDir Path tmp) throws IOException {
        Path talk = transcript(tmp, TALK.substring(0, TALK.indexOf("## 往期推荐")));
        Path ed = tmp.resolve("e");
        assertEquals(0, TestSupport.cli("init", ed.toString(), "--transcript", talk.toString()).code());
        String yaml = Files.readString(ed.resolve("content/edition.yaml"));
        assertFalse(yaml.contains("source:"), yaml);
        Run check = TestSupport.cli("check", "--content", ed.resolve("content").toString(),
                "--templates", Files.createDirectories(tmp.resolve("no-templates")).toString());
        assertEquals(0, check.code(), check.err());
    }

    @Test
    void theFlagshipTranscriptGivesASkeletonThatChecks(@TempDir Path tmp) throws IOException {
        Path ed = tmp.resolve("again");
        Run init = TestSupport.cli("init", ed.toString(), "--transcript", "content/transcript.md");
        assertEquals(0, init.code(), init.err());
        String yaml = Files.readString(ed.resolve("content/edition.yaml"));
        assertTrue(yaml.contains("source: {end_before: \"往期回顾\"}"), yaml);
        assertTrue(yaml.contains("sam-altman: {zh: \"Sam Altman\""), yaml);
        Run check = TestSupport.cli("check", "--content", ed.resolve("content").toString(),
                "--templates", Files.createDirectories(tmp.resolve("no-templates")).toString());
        assertEquals(0, check.code(), check.err());
        assertTrue(check.out().contains(count(yaml, "\n  - at: ") + " turns"), check.out());
    }

    @Test
    void neverOverwritesAFileAndWritesNothingWhenOneExists(@TempDir Path tmp) throws IOException {
        Path talk = transcript(tmp, TALK);
        Path ed = tmp.resolve("mine");
        Files.createDirectories(ed);
        Files.writeString(ed.resolve("README.md"), "my own notes");
        Run init = TestSupport.cli("init", ed.toString(), "--transcript", talk.toString());
        assertEquals(2, init.code());
        assertTrue(init.err().contains(ed.resolve("README.md") + " already exists"), init.err());
        assertEquals("my own notes", Files.readString(ed.resolve("README.md")));
        assertFalse(Files.exists(ed.resolve("content")), "nothing else was written");
    }

    @Test
    void aTranscriptAlreadyInPlaceIsKeptAsItIs(@TempDir Path tmp) throws IOException {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Path talk = content.resolve("transcript.md");
        Files.writeString(talk, TALK, StandardCharsets.UTF_8);
        Run init = TestSupport.cli("init", tmp.toString(), "--transcript", talk.toString());
        assertEquals(0, init.code(), init.err());
        assertEquals(TALK, Files.readString(talk));
        assertTrue(Files.isRegularFile(content.resolve("edition.yaml")));
    }

    @Test
    void refusesATranscriptWithoutSpeakerLabels(@TempDir Path tmp) throws IOException {
        Path talk = transcript(tmp, "# 标题\n\n只有一段文字。\n");
        Run init = TestSupport.cli("init", tmp.resolve("e").toString(), "--transcript", talk.toString());
        assertEquals(1, init.code());
        assertTrue(init.err().contains("no speaker label found"), init.err());
        assertFalse(Files.exists(tmp.resolve("e")));
    }

    @Test
    void refusesABlankLabelAtItsLine(@TempDir Path tmp) throws IOException {
        Path talk = transcript(tmp, "**主持人：** 你好。\n\n**\u2028：** 谁在说话？\n");
        Run init = TestSupport.cli("init", tmp.resolve("e").toString(), "--transcript", talk.toString());
        assertEquals(1, init.code());
        assertTrue(init.err().contains(talk + ":3:1: this speaker label is blank"), init.err());
        assertFalse(Files.exists(tmp.resolve("e")));
    }

    @Test
    void commandLineMistakesExit2() {
        Run none = TestSupport.cli("init", "somewhere");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("Missing option '--transcript'"), none.err());
        Run two = TestSupport.cli("init", "a", "b", "--transcript", "t.md");
        assertEquals(2, two.code());
        assertTrue(two.err().contains("Unexpected argument: 'b'"), two.err());
        assertEquals(1, TestSupport.cli("init", "x", "--transcript", "no-such-file.md").code());
    }

    @Test
    void eachQuoteMatchesItsOwnParagraphOnly() {
        List<String> texts = List.of("我们今天谈一谈城市的水。", "我们今天谈一谈城市的电，还有别的。", "是的。", "是的。",
                "AI for Good Global Summit", "AI for Good峰会", "");
        String[] quotes = Skeleton.quotes(texts);
        assertEquals("我们今天谈一谈城市的水。", quotes[0]);
        assertEquals("我们今天谈一谈城市的电，", quotes[1]);
        assertNull(quotes[2], "a paragraph repeated word for word cannot be quoted alone");
        assertNull(quotes[3]);
        assertEquals("AI for Good Global", quotes[4], "a quote does not end inside a Latin word");
        assertEquals("AI for Good峰", quotes[5]);
        assertNull(quotes[6]);
        for (int i = 0; i < texts.size(); i++) {
            if (quotes[i] != null) {
                String q = quotes[i];
                assertEquals(1, texts.stream().mapToInt(t -> count(t, q)).sum(), q);
            }
        }
    }

    @Test
    void headingsWhoseSlugTheTemplatesUseGetNumberedIds(@TempDir Path tmp) throws IOException {
        Path talk = transcript(tmp, "## Top\n\n**主持人：** 你好。\n\n## Notes on water\n\n**嘉宾：** 谢谢。\n\n## Water\n\n**主持人：** 再见。\n");
        Path ed = tmp.resolve("e");
        assertEquals(0, TestSupport.cli("init", ed.toString(), "--transcript", talk.toString()).code());
        String yaml = Files.readString(ed.resolve("content/edition.yaml"));
        assertTrue(yaml.contains("{at: \"Top\", id: section-1,"), yaml);
        assertTrue(yaml.contains("{at: \"Notes on water\", id: section-2,"), yaml);
        assertTrue(yaml.contains("{at: \"Water\", id: water,"), yaml);
        assertTrue(yaml.contains("guest: {zh: \"嘉宾\", en: \"Guest\""), yaml);
        Run check = TestSupport.cli("check", "--content", ed.resolve("content").toString(),
                "--templates", Files.createDirectories(tmp.resolve("no-templates")).toString());
        assertEquals(0, check.code(), check.err());
    }

    @Test
    void quotedKeepsYamlMetacharactersInert() {
        assertEquals("\"say \\\"hi\\\" \\\\ # not a comment: *x &y\"", Skeleton.quoted("say \"hi\" \\ # not a comment: *x &y"));
        assertEquals("\"a\\u2028b\\u0007\"", Skeleton.quoted("a\u2028b\u0007"));
    }

    @Test
    void thePagesWorkflowPassesTheAddressPagesReports(@TempDir Path tmp) throws IOException {
        Path talk = transcript(tmp, TALK);
        assertEquals(0, TestSupport.cli("init", tmp.resolve("e").toString(), "--transcript", talk.toString()).code());
        String workflow = Files.readString(tmp.resolve("e/.github/workflows/pages.yml"));
        assertTrue(workflow.contains("PAGES_URL: ${{ steps.pages.outputs.base_url }}"), workflow);
        assertTrue(workflow.contains("java -jar bitext.jar build --base-url \"$PAGES_URL\""), workflow);
        assertTrue(workflow.contains("path: site/"), workflow);
        assertEquals("site/\n.site.new-*\n.site.old-*\n", Files.readString(tmp.resolve("e/.gitignore")));
        assertTrue(Files.readString(tmp.resolve("e/README.md")).startsWith("# 在里斯本的一次对话：城市与水\n"));
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
