package org.bitext.editorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The blanks that end lines of edition.yaml are dropped before YAML reads it (a trailing tab is a YAML error). */
class TrailingBlanksTest {
    private static final Pattern TRAILING = Pattern.compile("[ \\t]+(?=\\r?$)", Pattern.MULTILINE);

    @Test
    void blanksBeforeEveryKindOfLineBreakAndAtTheEndGo() {
        assertEquals("a: 1\nb: 2\r\nc: 3\rd:\n\n e", EditorialReader.withoutTrailingBlanks("a: 1 \t\nb: 2\t\r\nc: 3  \rd: \n \t\n e \t"));
    }

    @Test
    void aTextWithoutThemIsTheSameString() {
        String yaml = "edition:\n  title: 标题\n";
        assertSame(yaml, EditorialReader.withoutTrailingBlanks(yaml));
    }

    @Property(tries = 2000)
    void sameAsTheLineEndRule(@ForAll @StringLength(max = 40) @Chars({' ', '\t', '\n', '\r', '\u0085', '\u2028', '\u2029', 'x', '字'}) String yaml) {
        assertEquals(TRAILING.matcher(yaml).replaceAll(""), EditorialReader.withoutTrailingBlanks(yaml));
    }
}
