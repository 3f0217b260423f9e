package org.bitext.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.bitext.Bitext;
import org.bitext.TestSupport;
import org.bitext.diag.BuildFailure;
import org.bitext.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pinyin without tone marks cannot be read aloud: a draft may have it, a strict build refuses it. */
class GlossaryTest {
    @TempDir
    Path tmp;

    @Test
    void tonelessPinyinForAChineseTermIsAWarningAndUnderStrictAnError() throws Exception {
        Path c = TestSupport.copyMini(tmp.resolve("c"));
        TestSupport.replaceIn(c.resolve("edition.yaml"), "pinyin: jiānguǎn", "pinyin: jianguan");
        Diagnostics draft = new Diagnostics();
        Bitext.load(c, false, draft);
        String message = "the pinyin 'jianguan' of '监管' has no tone marks";
        assertEquals(List.of(message), draft.warnings().stream().map(d -> d.message()).toList());

        Diagnostics strict = new Diagnostics();
        assertThrows(BuildFailure.class, () -> Bitext.load(c, true, strict));
        assertEquals(List.of(message), strict.errors().stream().map(d -> d.message()).toList());
    }
}
