package org.bitext.input;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import org.bitext.input.SourceFile.Refused;
import org.bitext.input.SourceFile.Text;

/**
 * Reads the content files: within {@link Limits#MAX_INPUT_BYTES}, as strict UTF-8, holding only
 * characters a text may hold. Whatever stands in the way is said plainly, with the place when there
 * is one: a folder where a file should be, a device, a loop of links, a bad byte, an invisible NUL.
 */
public final class SourceFiles {
    private static final String[] C0_NAMES = {"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF",
        "VT", "FF", "CR", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC",
        "FS", "GS", "RS", "US"};

    private SourceFiles() {
    }

    /** Null when {@code folder} is a folder that can be read, else what is wrong, beginning with {@code what}. */
    public static String folderProblem(Path folder, String what) {
        try {
            if (!Files.readAttributes(folder, BasicFileAttributes.class).isDirectory()) {
                return what + " " + folder + " is not a folder";
            }
        } catch (IOException e) {
            String problem = problem(folder, e);
            return problem == null ? what + " does not exist: " + folder : what + " " + problem;
        }
        if (!Files.isReadable(folder) || !Files.isExecutable(folder)) {
            return what + " " + folder + " cannot be read (permission denied)";
        }
        return null;
    }

    /** Reads and decodes one content file. */
    public static SourceFile read(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            String problem = problem(file, e);
            return Refused.whole(file, problem == null ? "file not found: " + file : problem, null);
        }
        if (attributes.isDirectory()) {
            return Refused.whole(file, file + " is a directory, not a file", null);
        }
        if (!attributes.isRegularFile()) {
            // never opened: a pipe would wait for a writer, a device could give bytes for ever
            return Refused.whole(file, file + " is not a regular file", null);
        }
        if (!Files.isReadable(file)) {
            return Refused.whole(file, file + " cannot be read (permission denied)", null);
        }
        if (attributes.size() > Limits.MAX_INPUT_BYTES) {
            return tooBig(file, String.format(Locale.ROOT, "%.1f MB", attributes.size() / 1048576.0));
        }
        byte[] bytes;
        try (InputStream in = new FileInputStream(file.toFile())) {
            // a file can grow after it was measured, and some (in /proc) tell no size at all
            bytes = in.readNBytes((int) Limits.MAX_INPUT_BYTES + 1);
        } catch (IOException e) {
            return Refused.whole(file, "cannot read " + file + ": " + e.getMessage(), null);
        }
        if (bytes.length > Limits.MAX_INPUT_BYTES) {
            return tooBig(file, "more than " + Limits.MAX_INPUT_BYTES / 1048576 + " MB");
        }
        return decode(file, bytes);
    }

    private static Refused tooBig(Path file, String size) {
        return Refused.whole(file, file.getFileName() + " is " + size + "; the limit is " + Limits.MAX_INPUT_BYTES / 1048576
                + " MB, so it was not read", "is this the right file?");
    }

    /** What an error asking about {@code path} means, or null when it simply is not there. */
    private static String problem(Path path, IOException e) {
        if (e instanceof NoSuchFileException) {
            return null;
        }
        if (e instanceof AccessDeniedException) {
            return path + " cannot be read (permission denied)";
        }
        if (e instanceof FileSystemException && Files.isSymbolicLink(path)) {
            // the one way a link that exists fails to resolve other than pointing at nothing
            return path + " is a symbolic link that leads back to itself (a loop)";
        }
        return "cannot read " + path + ": " + e.getMessage();
    }

    /** Strict UTF-8 (a leading byte-order mark is dropped); a bad byte or a forbidden character is refused at its place. */
    static SourceFile decode(Path file, byte[] bytes) {
        SourceFile decoded = utf8(file, bytes);
        if (decoded instanceof Text text) {
            Refused refused = forbidden(file, text.text());
            return refused != null ? refused : text;
        }
        return decoded;
    }

    /** Strict UTF-8 (a leading byte-order mark is dropped); the first bad byte is refused at its line and column. */
    public static SourceFile utf8(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder(); // reports malformed input
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF;
        if (result.isError()) {
            int bad = in.position();
            // the line is shown with U+FFFD for the bad bytes; everything before them decoded as it is
            String shown = withoutBom(new String(bytes, StandardCharsets.UTF_8));
            return refusedAt(file, shown, out.position() - (bom ? 1 : 0), String.format(Locale.ROOT,
                    "%s is not valid UTF-8 (byte 0x%02X at offset %d)", file.getFileName(), bytes[bad] & 0xff, bad),
                    "save the file as UTF-8");
        }
        return new Text(file, bytes, withoutBom(out.flip().toString()));
    }

    /** Null when {@code text} holds only characters a text may hold, else the first other one, refused at its place. */
    public static Refused forbidden(Path file, String text) {
        int at = forbiddenAt(text);
        if (at < 0) {
            return null;
        }
        int more = 0;
        for (int i = forbiddenAt(text, at + 1); i >= 0; i = forbiddenAt(text, i + 1)) {
            more++;
        }
        return refusedAt(file, text, at, file.getFileName() + " holds the character " + describe(text.codePointAt(at))
                + ", which a text file may not hold" + (more > 0 ? " (and " + more + " more like it)" : ""),
                "delete it: many editors do not show it");
    }

    private static String withoutBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static Refused refusedAt(Path file, String text, int index, String message, String hint) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                line++;
                lineStart = i + 1;
            }
        }
        return new Refused(file, line, index - lineStart + 1, message, hint, text);
    }

    /** The index of the first character in {@code s} that a text may not hold, or -1. */
    public static int forbiddenAt(CharSequence s) {
        return forbiddenAt(s, 0);
    }

    private static int forbiddenAt(CharSequence s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F || c >= 0xA0 && c < 0xD800 || c >= 0xE000 && c <= 0xFFFD || c == '\n' || c == '\t'
                    || c == '\r' || c == 0x85) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }

    /** A code point as a reader can look it up: {@code U+0000 NUL}, {@code U+D800 (a lone surrogate)}. */
    public static String describe(int cp) {
        String hex = String.format(Locale.ROOT, "U+%04X", cp);
        if (cp < 0x20) {
            return hex + " " + C0_NAMES[cp];
        }
        if (cp == 0x7F) {
            return hex + " DEL";
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            return hex + " (a lone surrogate, half of a character)";
        }
        if (cp >= 0x80 && cp < 0xA0) {
            return hex + " (a control character)";
        }
        if (cp == 0xFFFE || cp == 0xFFFF) {
            return hex + " (a noncharacter)";
        }
        return hex;
    }
}
