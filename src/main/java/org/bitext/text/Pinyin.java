package org.bitext.text;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pinyin as a glossary prints it: with tone marks, never tone numbers. */
public final class Pinyin {
    /** A syllable followed by its tone number; {@code v} and {@code u:} stand for ü as keyboards type it. */
    private static final Pattern NUMBERED = Pattern.compile("([A-Za-zÜü:]+?)([1-5])");
    private static final Pattern MARKED = Pattern.compile("[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛ]");
    private static final String VOWELS = "aeiouü";
    private static final String[] MARKS = {"āáǎà", "ēéěè", "īíǐì", "ōóǒò", "ūúǔù", "ǖǘǚǜ"};

    private Pinyin() {
    }

    /** Whether the text writes a tone with a number (jian1guan3). */
    public static boolean hasToneNumbers(String pinyin) {
        return NUMBERED.matcher(pinyin).find() && pinyin.chars().anyMatch(Character::isDigit);
    }

    /** Whether any syllable carries a tone mark. */
    public static boolean hasToneMarks(String pinyin) {
        return MARKED.matcher(pinyin).find();
    }

    /** The text with each numbered syllable written with its tone mark (5 is the neutral tone: no mark). */
    public static String withToneMarks(String pinyin) {
        Matcher m = NUMBERED.matcher(pinyin);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(mark(m.group(1), m.group(2).charAt(0) - '0')));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String mark(String syllable, int tone) {
        String s = syllable.replace("u:", "ü").replace("v", "ü").replace("U:", "Ü").replace("V", "Ü");
        if (tone == 5) {
            return s;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        // the mark goes on a or e; on the o of ou; otherwise on the last vowel
        int at = lower.indexOf('a') >= 0 ? lower.indexOf('a') : lower.indexOf('e') >= 0 ? lower.indexOf('e')
                : lower.contains("ou") ? lower.indexOf('o') : lastVowel(lower);
        if (at < 0) {
            return s;
        }
        char marked = MARKS[VOWELS.indexOf(lower.charAt(at))].charAt(tone - 1);
        return s.substring(0, at) + (Character.isUpperCase(s.charAt(at)) ? Character.toUpperCase(marked) : marked)
                + s.substring(at + 1);
    }

    private static int lastVowel(String s) {
        for (int i = s.length() - 1; i >= 0; i--) {
            if (VOWELS.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
