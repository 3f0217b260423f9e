package org.bitext.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bitext.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic corpus generator: deterministic from its seed, and what it writes is a valid edition. */
class SynthTest {
    @Test
    void sameSeedGivesSameBytesAndAnotherSeedDoesNot(@TempDir Path dir) throws Exception {
        Synth.write(Synth.generate(42, 120, 12), dir.resolve("a"));
        Synth.write(Synth.generate(42, 120, 12), dir.resolve("b"));
        Synth.write(Synth.generate(43, 120, 12), dir.resolve("c"));
        for (String f : new String[] {"transcript.md", "edition.yaml"}) {
            byte[] a = Files.readAllBytes(dir.resolve("a").resolve(f));
            assertEquals(new String(a, StandardCharsets.UTF_8),
                    Files.readString(dir.resolve("b").resolve(f), StandardCharsets.UTF_8), f);
            assertNotEquals(new String(a, StandardCharsets.UTF_8),
                    Files.readString(dir.resolve("c").resolve(f), StandardCharsets.UTF_8), f);
        }
    }

    @Test
    void aSmallGeneratedEditionPassesStrictCheckAndBuilds(@TempDir Path dir) throws Exception {
        Synth.Corpus c = Synth.generate(7, 120, 12);
        Path content = dir.resolve("content");
        Synth.write(c, content);
        TestSupport.Run check = TestSupport.cli("check", "--strict", "--content", content.toString(),
                "--templates", TestSupport.TEMPLATES.toString());
        assertEquals(0, check.code(), check.err());
        assertTrue(check.err().isBlank(), "no warnings under --strict: " + check.err());
        Path out = dir.resolve("site");
        TestSupport.Run build = TestSupport.cli("build", "--content", content.toString(),
                "--templates", TestSupport.TEMPLATES.toString(), "--out", out.toString());
        assertEquals(0, build.code(), build.err());
        assertTrue(build.out().contains("120 turns"), build.out());
        // the density of the real edition: splits, notes, glossary terms and topics all present
        assertTrue(c.paragraphs() < c.turns(), "some paragraphs are split");
        assertTrue(c.notes() > c.turns(), "more notes than turns, like the real edition");
        assertTrue(c.terms() > c.turns(), "more glossary terms than turns");
        assertEquals(48, c.topics());
        assertTrue(Files.isRegularFile(out.resolve("topics/topic-48.html")));
        assertTrue(Files.isRegularFile(out.resolve("speakers/guest-1.html")));
        assertTrue(Files.readString(out.resolve("transcript.html"), StandardCharsets.UTF_8).contains("class=\"intervention\""),
                "splits are shown as editorial interventions");
    }
}
