package org.bitext.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.bitext.Bitext;
import org.bitext.TestSupport;
import org.bitext.diag.BuildFailure;
import org.bitext.diag.Diagnostic;
import org.bitext.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What editors' tools do to files without meaning anything by it — a byte-order mark, CRLF line ends,
 * a half-width colon where the source has a full-width one (and back), trailing spaces — is not an
 * error, and the edition comes out the same: every page and edition.json byte for byte (less the
 * source file's hash, which is of the bytes as given).
 */
class AcceptedVariantsTest {
    @TempDir
    Path tmp;

    @Test
    void byteOrderMarkOnBothFiles() throws Exception {
        assertSameEdition(variant("bom", s -> "\uFEFF" + s, s -> "\uFEFF" + s));
    }

    @Test
    void crlfLineEnds() throws Exception {
        assertSameEdition(variant("crlf", s -> s.replace("\n", "\r\n"), s -> s.replace("\n", "\r\n")));
    }

    @Test
    void fullWidthAndHalfWidthColonsSwapped() throws Exception {
        // the mini fixture has both: **主持人：** and **Sam Altman:**; swap every label's colon
        Path dir = variant("colons", s -> s.replace("：**", "\u0000").replace(":**", "：**").replace("\u0000", ":**"),
                UnaryOperator.identity());
        String t = Files.readString(dir.resolve("transcript.md"));
        assertTrue(t.contains("**主持人:**") && t.contains("**Sam Altman：**"), t);
        assertSameEdition(dir);
    }

    @Test
    void colonOutsideTheBoldLabel() throws Exception {
        assertSameEdition(variant("colon-outside", s -> s.replace("**主持人：**", "**主持人**："), UnaryOperator.identity()));
    }

    @Test
    void trailingSpacesOnEveryLine() throws Exception {
        assertSameEdition(variant("trailing", s -> s.replace("\n", "  \n"), s -> s.replace("\n", " \t\n")));
    }

    @Test
    void allAtOnce() throws Exception {
        UnaryOperator<String> all = s -> "\uFEFF" + s.replace("\n", " \r\n");
        assertSameEdition(variant("all", all, all));
    }

    private Path variant(String name, UnaryOperator<String> transcript, UnaryOperator<String> edition) throws IOException {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir);
        String t = Files.readString(TestSupport.MINI.resolve("transcript.md"), StandardCharsets.UTF_8);
        String y = Files.readString(TestSupport.MINI.resolve("edition.yaml"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("transcript.md"), transcript.apply(t), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("edition.yaml"), edition.apply(y), StandardCharsets.UTF_8);
        return dir;
    }

    private void assertSameEdition(Path variant) throws Exception {
        Map<String, String> clean = render(TestSupport.MINI);
        Map<String, String> other = render(variant);
        assertEquals(clean.keySet(), other.keySet(), "the same files");
        assertTrue(!Arrays.equals(Files.readAllBytes(variant.resolve("transcript.md")), Files.readAllBytes(TestSupport.MINI.resolve("transcript.md")))
                || !Arrays.equals(Files.readAllBytes(variant.resolve("edition.yaml")), Files.readAllBytes(TestSupport.MINI.resolve("edition.yaml"))),
                "the variant differs from the fixture");
        for (String f : clean.keySet()) {
            assertEquals(clean.get(f), other.get(f), f + " differs");
        }
    }

    /** Every file of the site, as text; edition.json without the hash of the source bytes. Diagnostics too. */
    private Map<String, String> render(Path content) throws IOException {
        Diagnostics diags = new Diagnostics();
        Map<String, String> out = new TreeMap<>();
        try {
            Bitext.Result r = Bitext.render(new Bitext.Options(content, TestSupport.TEMPLATES, tmp.resolve("unused"), true), diags);
            for (Map.Entry<String, byte[]> f : r.files().entrySet()) {
                String s = new String(f.getValue(), StandardCharsets.UTF_8);
                out.put(f.getKey(), f.getKey().equals("edition.json") ? s.replaceAll("\"sha256\" *: *\"[0-9a-f]{64}\"", "\"sha256\":\"…\"") : s);
            }
        } catch (BuildFailure e) {
            List<String> errors = new ArrayList<>();
            for (Diagnostic d : diags.sorted()) {
                errors.add(diags.format(d));
            }
            throw new AssertionError(content + " does not build:\n" + String.join("\n", errors));
        }
        out.put("(diagnostics)", String.join("\n", diags.sorted().stream().map(d -> d.message()).toList()));
        return out;
    }
}
