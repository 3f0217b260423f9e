package org.bitext.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.bitext.Bitext;
import org.bitext.diag.BuildFailure;
import org.bitext.diag.Diagnostics;
import org.bitext.fuzz.FuzzTries;
import org.bitext.output.Publisher;
import org.bitext.transcript.Transcript;
import org.bitext.transcript.TranscriptReader;

/**
 * Whatever transcript init accepts, the edition.yaml it writes loads without a single error: every
 * quote matches its own paragraph or heading, every label has its speaker, every value survives YAML.
 */
@AddLifecycleHook(value = FuzzTries.class, propagateTo = net.jqwik.api.lifecycle.PropagationMode.ALL_DESCENDANTS)
class SkeletonFuzzTest {
    private static final String SPECIAL = "*#-:：>|&!%@`'\"[]{},?~ \u3000\\<>=_()。，、\u2028\u00A0é";

    @Property(shrinking = ShrinkingMode.BOUNDED)
    void theSkeletonOfAnyTranscriptInitTakesLoadsWithoutErrors(@ForAll("transcript") String markdown) throws IOException {
        Diagnostics read = new Diagnostics();
        TranscriptReader reader = new TranscriptReader();
        Transcript t = reader.read("transcript.md", markdown, null, null, read);
        if (read.hasErrors()) {
            return; // init refuses these
        }
        String end = Skeleton.promoHeading(t);
        if (end != null) {
            t = reader.read("transcript.md", markdown, end, null, new Diagnostics());
        }
        if (Skeleton.labels(t).isEmpty() || !Skeleton.blankLabels(t).isEmpty()) {
            return; // and these
        }
        String yaml = Skeleton.make(t, end, "talk").yaml();
        Path content = Files.createTempDirectory("bitext-skeleton");
        try {
            Files.writeString(content.resolve("transcript.md"), markdown, StandardCharsets.UTF_8);
            Files.writeString(content.resolve("edition.yaml"), yaml, StandardCharsets.UTF_8);
            Diagnostics diags = new Diagnostics();
            try {
                Bitext.load(content, false, diags);
            } catch (BuildFailure e) {
                // reported below
            }
            assertFalse(diags.hasErrors(), () -> diags.errors().stream().map(diags::format).toList()
                    + "\n--- transcript\n" + markdown + "\n--- edition.yaml\n" + yaml);
        } finally {
            Publisher.deleteTree(content);
        }
    }

    @Provide
    Arbitrary<String> transcript() {
        Arbitrary<String> text = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.chars().with(SPECIAL.toCharArray())),
                net.jqwik.api.Tuple.of(3, Arbitraries.chars().range('a', 'e')),
                net.jqwik.api.Tuple.of(4, Arbitraries.chars().range('\u4e00', '\u4e08')))
                .list().ofMinSize(1).ofMaxSize(30).map(SkeletonFuzzTest::join);
        Arbitrary<String> label = Arbitraries.oneOf(Arbitraries.of("主持人", "Sam Altman", "李工程师", "A \"B\"", "x*y", "主持人 "),
                text.map(s -> s.length() > 8 ? s.substring(0, 8) : s));
        Arbitrary<String> colon = Arbitraries.of("：**", ":**", "**：", "**:");
        Arbitrary<String> labeled = Combinators.combine(label, colon, Arbitraries.of(" ", "\n"), text)
                .as((l, c, gap, t) -> "**" + l + c + gap + t);
        Arbitrary<String> heading = Combinators.combine(Arbitraries.of("# ", "## ", "### "),
                Arbitraries.oneOf(text, Arbitraries.of("往期回顾", "推荐阅读", "第一部分", "Top", "Main", "Notes a", "note b", "Preface")))
                .as((h, t) -> h + t);
        Arbitrary<String> block = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, labeled), net.jqwik.api.Tuple.of(3, text), net.jqwik.api.Tuple.of(2, heading),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("Porto\nAlegre", "AI for\nGood", "是的。")));
        return block.list().ofMinSize(1).ofMaxSize(14).map(blocks -> String.join("\n\n", blocks) + "\n");
    }

    private static String join(List<Character> chars) {
        StringBuilder sb = new StringBuilder();
        chars.forEach(sb::append);
        return sb.toString();
    }
}
