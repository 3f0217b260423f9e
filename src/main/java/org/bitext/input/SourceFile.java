package org.bitext.input;

import java.nio.file.Path;

/** What reading one content file gave: its text, or why it was refused. */
public sealed interface SourceFile permits SourceFile.Text, SourceFile.Refused {
    Path file();

    /** The file's bytes as read and their text (a leading byte-order mark dropped). */
    record Text(Path file, byte[] bytes, String text) implements SourceFile {
    }

    /**
     * Why the file cannot be used, at a 1-based line and column (in chars); {@code shown} is the text to
     * quote the line from, or null when there is no line to show.
     */
    record Refused(Path file, int line, int column, String message, String hint, String shown) implements SourceFile {
        static Refused whole(Path file, String message, String hint) {
            return new Refused(file, 1, 1, message, hint, null);
        }
    }
}
