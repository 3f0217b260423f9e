package org.bitext.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.bitext.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After its first build the preview checks the edition a few more times, writing nothing, so that the
 * JIT has compiled the build's code before the editor's first save; the first save stops it.
 */
class WarmUpTest {
    private static final String PAGE = "/mini/sections/part-one.html";

    @TempDir
    Path dir;

    @Test
    void theWarmUpWritesNothingAndStopsAtTheFirstSave() throws Exception {
        try (Preview preview = Preview.warming(dir)) {
            Map<String, byte[]> served = TestSupport.readTree(preview.out);
            assertTrue(Preview.eventually(() -> preview.server.warmUps() >= 2), "warm-up checks run after the first build\n" + preview.log);
            Map<String, byte[]> now = TestSupport.readTree(preview.out);
            assertEquals(served.keySet(), now.keySet(), "the warm-up adds or removes no file");
            for (String f : served.keySet()) {
                assertTrue(Arrays.equals(served.get(f), now.get(f)), "the warm-up leaves " + f + " as the first build wrote it");
            }

            Path yaml = preview.content.resolve("edition.yaml");
            String text = Files.readString(yaml, StandardCharsets.UTF_8);
            Files.writeString(yaml, text.replaceFirst("(?m)(?<=^    en: )Hello, Sam[^\\n]*", "Hello, Sam, the first save."),
                    StandardCharsets.UTF_8);
            assertTrue(Preview.eventually(() -> preview.get(PAGE).body().contains("the first save")), preview.log.toString());
            // the check under way when the save came may still finish; none starts after it
            int afterSave = preview.server.warmUps();
            Thread.sleep(1500);
            assertTrue(preview.server.warmUps() <= afterSave + 1, "warm-up checks after the first save: "
                    + (preview.server.warmUps() - afterSave));
            int settled = preview.server.warmUps();
            Thread.sleep(1500);
            assertEquals(settled, preview.server.warmUps(), "the warm-up has stopped");
        }
    }
}
