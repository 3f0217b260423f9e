package org.bitext.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PinyinTest {
    @Test
    void toneNumbersBecomeMarksOnTheRightVowel() {
        assertEquals("jiānguǎn", Pinyin.withToneMarks("jian1guan3"));
        assertEquals("héchéng shùjù", Pinyin.withToneMarks("he2cheng2 shu4ju4"));
        assertEquals("lǜ nǚ", Pinyin.withToneMarks("lv4 nu:3"));
        assertEquals("duō gòu liú de", Pinyin.withToneMarks("duo1 gou4 liu2 de5"));
        assertEquals("Běijīng", Pinyin.withToneMarks("Bei3jing1"));
    }

    @Test
    void tellsNumbersFromMarks() {
        assertTrue(Pinyin.hasToneNumbers("jian1guan3"));
        assertFalse(Pinyin.hasToneNumbers("jiānguǎn"));
        assertFalse(Pinyin.hasToneNumbers("GPT-4"));
        assertTrue(Pinyin.hasToneMarks("jiānguǎn"));
        assertFalse(Pinyin.hasToneMarks("jianguan"));
    }
}
