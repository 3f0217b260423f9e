package org.bitext.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bitext.input.Limits;

/** Small text helpers shared by the stages: normalising, CJK tests, slugs and stable hashes. */
public final class Texts {
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u3000]+");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Texts() {
    }

    /** NFC, every run of white space (including ideographic space) collapsed to one space, trimmed. */
    public static String normalize(String s) {
        String nfc = Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
        Matcher m = SPACES.matcher(nfc);
        return (m.find() ? m.replaceAll(" ") : nfc).trim(); // most quotes have nothing to change: no copy
    }

    /** True for Han characters, CJK punctuation and full-width forms: no space is put next to them. */
    public static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL) {
            return true;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == Character.UnicodeBlock.VERTICAL_FORMS
                || block == Character.UnicodeBlock.CJK_COMPATIBILITY_FORMS
                || cp == '“' || cp == '”' || cp == '‘' || cp == '’' || cp == '—' || cp == '…' || cp == '·';
    }

    public static boolean isSlug(String s) {
        return s != null && s.length() <= Limits.MAX_SLUG_LENGTH && SLUG.matcher(s).matches();
    }

    /** A readable ASCII slug: tone marks dropped, everything else not a letter or digit becomes '-'. */
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

    public static String slugify(String s) {
        String plain = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        String slug = NOT_SLUG.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^-+|-+$", "");
        return slug.length() > 60 ? slug.substring(0, 60).replaceAll("-+$", "") : slug;
    }

    /** The first {@code hexChars} hex digits of the SHA-256 of the text: a short id that only the text changes. */
    public static String shortHash(String s, int hexChars) {
        return sha256(s.getBytes(StandardCharsets.UTF_8)).substring(0, hexChars);
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** A new SHA-256 digest, for a hash of several pieces. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Levenshtein distance, used for "did you mean" suggestions. */
    public static int distance(String a, String b) {
        return Nearest.distance(a, b);
    }

    /** The candidate closest to {@code word}, or null when none is close enough to be a likely typo. */
    public static String suggest(String word, Iterable<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word, c);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best != null && bestDistance <= Math.max(2, word.length() / 3) ? best : null;
    }

    /** "; did you mean 'x'?" with {@link #suggest}'s candidate, or "". */
    public static String didYouMean(String word, Iterable<String> candidates) {
        String best = suggest(word, candidates);
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    /** Shortens text for a message, marking the cut with an ellipsis. */
    public static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
