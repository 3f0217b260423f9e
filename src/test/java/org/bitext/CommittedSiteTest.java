package org.bitext;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bitext.Bitext;
import org.bitext.TestSupport;
import org.bitext.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed site/ must be exactly what the build makes from content/ and templates/. */
class CommittedSiteTest {
    @TempDir
    Path tmp;

    private Map<String, byte[]> build(String name) throws Exception {
        Path out = tmp.resolve(name);
        Bitext.build(new Bitext.Options(Path.of("content"), TestSupport.TEMPLATES, out, false), new Diagnostics());
        return TestSupport.readTree(out);
    }

    @Test
    void committedSiteIsWhatTheBuildMakes() throws Exception {
        Map<String, byte[]> fresh = build("fresh");
        Path committed = Path.of("site");
        assertTrue(Files.isDirectory(committed), "site/ is committed");
        Map<String, byte[]> onDisk = TestSupport.readTree(committed);
        List<String> differences = new ArrayList<>();
        for (String f : fresh.keySet()) {
            if (!onDisk.containsKey(f)) {
                differences.add("missing from site/: " + f);
            } else if (!Arrays.equals(fresh.get(f), onDisk.get(f))) {
                differences.add("differs: site/" + f);
            }
        }
        for (String f : onDisk.keySet()) {
            if (!fresh.containsKey(f)) {
                differences.add("not made by the build: site/" + f);
            }
        }
        assertTrue(differences.isEmpty(), "site/ is stale; rebuild with the README's command:\n" + String.join("\n", differences));
    }
}
