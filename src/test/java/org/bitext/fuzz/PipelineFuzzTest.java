package org.bitext.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.bitext.Bitext;
import org.bitext.TestSupport;
import org.bitext.diag.BuildFailure;
import org.bitext.diag.Diagnostic;
import org.bitext.diag.Diagnostics;
import org.bitext.editorial.EditorialReader;
import org.bitext.output.Publisher;
import org.bitext.transcript.TranscriptReader;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Property-based fuzzing of the transcript reader, the editorial layer and the whole pipeline (load,
 * annotate, render, link check): whatever the input, the result is an edition or user errors
 * (diagnostics with a place), never an uncaught exception or a hang. Each try runs under a generous
 * preemptive timeout. Tries: {@link FuzzTries} ({@code -Dfuzz.tries=N}).
 */
@AddLifecycleHook(value = FuzzTries.class, propagateTo = net.jqwik.api.lifecycle.PropagationMode.ALL_DESCENDANTS)
class PipelineFuzzTest {
    /** Far above any honest run of one try; only a hang gets here. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String MINI_TRANSCRIPT = read(TestSupport.MINI.resolve("transcript.md"));
    private static final String MINI_EDITION = read(TestSupport.MINI.resolve("edition.yaml"));
    /** Characters that mean something to Markdown, YAML or the reader, mixed into random text. */
    private static final String SPECIAL = "*#-:：>|&!%@`'\"[]{},?~\t\n\r \u3000\uFEFF\\<>=_()。，、**主持人：**往期回顾";

    private static Path work;

    @BeforeContainer
    static void makeWorkFolder() throws IOException {
        work = Files.createTempDirectory("bitext-fuzz");
    }

    @AfterContainer
    static void removeWorkFolder() throws IOException {
        Publisher.deleteTree(work);
    }

    // ---- the readers on their own ----

    @Property(shrinking = ShrinkingMode.BOUNDED)
    void transcriptReaderTakesAnyText(@ForAll("text") String markdown, @ForAll("endMarker") String end) {
        guarded(() -> {
            Diagnostics diags = new Diagnostics();
            assertNotNull(new TranscriptReader().read("transcript.md", markdown, end, null, diags));
            checkDiagnostics(diags);
        });
    }

    @Property(shrinking = ShrinkingMode.BOUNDED)
    void editorialReaderTakesAnyText(@ForAll("text") String yaml) {
        guarded(() -> {
            Diagnostics diags = new Diagnostics();
            if (new EditorialReader().read("edition.yaml", yaml, diags) == null) {
                assertTrue(diags.hasErrors(), "no layer and no error for:\n" + yaml);
            }
            checkDiagnostics(diags);
        });
    }

    @Property(shrinking = ShrinkingMode.BOUNDED)
    void editorialReaderTakesAnyYamlStructure(@ForAll("yamlTree") Object tree) {
        String yaml = dump(tree);
        guarded(() -> {
            Diagnostics diags = new Diagnostics();
            new EditorialReader().read("edition.yaml", yaml, diags);
            checkDiagnostics(diags);
        });
    }

    // ---- the whole pipeline ----

    @Property(shrinking = ShrinkingMode.BOUNDED)
    void pipelineTakesAnyMutationOfTheMiniFixture(@ForAll("mutatedTranscript") byte[] transcript,
            @ForAll("mutatedEdition") byte[] edition) {
        pipeline(transcript, edition);
    }

    @Property(shrinking = ShrinkingMode.BOUNDED)
    void pipelineTakesAnyYamlStructureBesideTheMiniTranscript(@ForAll("yamlTree") Object tree) {
        pipeline(MINI_TRANSCRIPT.getBytes(StandardCharsets.UTF_8), dump(tree).getBytes(StandardCharsets.UTF_8));
    }

    @Property(shrinking = ShrinkingMode.BOUNDED)
    void pipelineTakesMiniEditionsWithRandomValues(@ForAll("editionWithRandomValues") String edition) {
        pipeline(MINI_TRANSCRIPT.getBytes(StandardCharsets.UTF_8), edition.getBytes(StandardCharsets.UTF_8));
    }

    private static volatile String outcome;

    private static void pipeline(byte[] transcript, byte[] edition) {
        outcome = "?";
        guarded(() -> {
            Path content = Files.createTempDirectory(work, "c");
            try {
                Files.write(content.resolve("transcript.md"), transcript);
                Files.write(content.resolve("edition.yaml"), edition);
                Diagnostics diags = new Diagnostics();
                try {
                    Bitext.Result r = Bitext.render(new Bitext.Options(content, TestSupport.TEMPLATES, content.resolve("site"), false), diags);
                    assertTrue(r.files().containsKey("index.html"), "a site without a home page");
                    assertTrue(!diags.hasErrors(), "a result despite errors");
                    outcome = "site";
                } catch (BuildFailure e) {
                    assertTrue(diags.hasErrors(), "a build failure without an error");
                    outcome = "user errors";
                }
                checkDiagnostics(diags);
            } finally {
                Publisher.deleteTree(content);
            }
        });
        net.jqwik.api.statistics.Statistics.collect(outcome);
    }

    /** Every diagnostic has a place and formats (source line, caret) without trouble. */
    private static void checkDiagnostics(Diagnostics diags) {
        for (Diagnostic d : diags.all()) {
            assertNotNull(d.position().file());
            assertTrue(d.position().line() >= 1 && d.position().column() >= 1, "bad position " + d.position());
            assertTrue(d.message() != null && !d.message().isBlank(), "empty message");
            String text = diags.format(d);
            assertTrue(!text.contains("Exception") && !text.contains("\tat "), "an exception in a message: " + text);
        }
    }

    private interface Try {
        void run() throws Exception;
    }

    private static void guarded(Try t) {
        assertTimeoutPreemptively(TIMEOUT, () -> {
            t.run();
            return null;
        });
    }

    // ---- generators ----

    @Provide
    Arbitrary<String> text() {
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.chars().with(SPECIAL.toCharArray())),
                net.jqwik.api.Tuple.of(3, Arbitraries.chars().range('a', 'z')),
                net.jqwik.api.Tuple.of(2, Arbitraries.chars().range('\u4e00', '\u4fff')),
                net.jqwik.api.Tuple.of(1, Arbitraries.chars().all()));
        Arbitrary<String> random = chars.list().ofMaxSize(400).map(PipelineFuzzTest::join);
        Arbitrary<String> lines = Arbitraries.of(MINI_TRANSCRIPT.split("\n", -1)).list().ofMaxSize(40).map(l -> String.join("\n", l));
        Arbitrary<String> yamlLines = Arbitraries.of(MINI_EDITION.split("\n", -1)).list().ofMaxSize(40).map(l -> String.join("\n", l));
        return Arbitraries.oneOf(random, lines, yamlLines);
    }

    @Provide
    Arbitrary<String> endMarker() {
        return Arbitraries.oneOf(Arbitraries.just("往期回顾"), Arbitraries.strings().ofMaxLength(8).injectNull(0.3));
    }

    @Provide
    Arbitrary<byte[]> mutatedTranscript() {
        return mutations(MINI_TRANSCRIPT);
    }

    @Provide
    Arbitrary<byte[]> mutatedEdition() {
        return mutations(MINI_EDITION);
    }

    /** The text with a few random edits: byte flips, line deletions, duplications, swaps, re-indentation, insertions. */
    private static Arbitrary<byte[]> mutations(String original) {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, Integer.MAX_VALUE), Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.strings().withChars(SPECIAL).ofMaxLength(6)).as(Mutation::new);
        return one.list().ofMinSize(0).ofMaxSize(6).map(ms -> {
            byte[] bytes = original.getBytes(StandardCharsets.UTF_8);
            for (Mutation m : ms) {
                bytes = m.apply(bytes);
            }
            return bytes;
        });
    }

    private record Mutation(int kind, int a, int b, String insert) {
        byte[] apply(byte[] bytes) {
            if (kind == 0) { // flip a byte
                if (bytes.length == 0) {
                    return bytes;
                }
                byte[] copy = bytes.clone();
                copy[a % copy.length] = (byte) b;
                return copy;
            }
            List<String> lines = new ArrayList<>(List.of(new String(bytes, StandardCharsets.UTF_8).split("\n", -1)));
            int i = a % lines.size();
            int j = b % lines.size();
            switch (kind) {
                case 1 -> lines.remove(i);
                case 2 -> lines.add(i, lines.get(i));
                case 3 -> {
                    String t = lines.get(i);
                    lines.set(i, lines.get(j));
                    lines.set(j, t);
                }
                case 4 -> lines.set(i, " ".repeat(b % 7) + lines.get(i).stripLeading());
                case 5 -> {
                    String l = lines.get(i);
                    int at = l.isEmpty() ? 0 : b % (l.length() + 1);
                    lines.set(i, l.substring(0, at) + insert + l.substring(at));
                }
                default -> lines.add(i, insert);
            }
            return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Random YAML trees: mappings with the edition's own keys (and others), lists, scalars, nesting. */
    @Provide
    Arbitrary<Object> yamlTree() {
        return tree(4);
    }

    private static final List<String> KEYS = List.of("edition", "speakers", "sections", "turns", "notes", "glossary",
            "topics", "title", "zh", "en", "base_url", "source", "end_before", "introduction", "description", "labels",
            "before_first_label", "about", "at", "id", "speaker", "reason", "split", "prefix", "suffix", "kind", "text",
            "pinyin", "note", "host", "altman", "narrator", "data", "regulation", "../../x", "");

    private static Arbitrary<Object> tree(int depth) {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                Arbitraries.of("主持人", "Sam Altman", "往期回顾", "你好，Sam", "合成数据", "监管需要时间", "true", "event",
                        "host", "altman", "https://example.github.io/x/", "../../x", "javascript:alert(1)", ""),
                Arbitraries.strings().ofMaxLength(12), Arbitraries.integers().between(-5, 5), Arbitraries.just(true));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<Object> child = Arbitraries.lazy(() -> tree(depth - 1));
        Arbitrary<Object> list = child.list().ofMaxSize(4).map(l -> (Object) l);
        Arbitrary<Object> map = Combinators.combine(Arbitraries.of(KEYS), child).as((k, v) -> Map.entry(k, v))
                .list().ofMaxSize(5).map(entries -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    entries.forEach(e -> m.put(e.getKey(), e.getValue()));
                    return (Object) m;
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, scalar), net.jqwik.api.Tuple.of(2, list),
                net.jqwik.api.Tuple.of(3, map));
    }

    /** The mini edition with some of its values replaced by random text (in YAML quotes). */
    @Provide
    Arbitrary<String> editionWithRandomValues() {
        String[] lines = MINI_EDITION.split("\n", -1);
        return Combinators.combine(Arbitraries.integers().between(0, lines.length - 1).list().ofMaxSize(4),
                text().list().ofSize(4)).as((at, values) -> {
                    String[] copy = lines.clone();
                    for (int k = 0; k < at.size(); k++) {
                        int colon = copy[at.get(k)].indexOf(": ");
                        if (colon > 0) {
                            copy[at.get(k)] = copy[at.get(k)].substring(0, colon + 2) + quoted(values.get(k));
                        }
                    }
                    return String.join("\n", copy);
                });
    }

    private static String quoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                sb.append('\\').appendCodePoint(c);
            } else if (c >= 0x20 && c < 0x7f || c >= 0x4e00 && c <= 0x9fff) {
                sb.appendCodePoint(c);
            } else if (c <= 0xffff) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.append(String.format("\\U%08x", c));
            }
        });
        return sb.append('"').toString();
    }

    private static String dump(Object tree) {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setAllowUnicode(true);
        return new Yaml(o).dump(tree);
    }

    private static String join(List<Character> chars) {
        StringBuilder sb = new StringBuilder();
        chars.forEach(sb::append);
        return sb.toString();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
