package org.bitext.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Map;
import org.bitext.output.StoredZip;

/**
 * Packs the EPUB edition (each file inside it made with its template under {@code epub/}) into one
 * zip with {@code mimetype} first and every entry dated with the book's dcterms:modified, so two
 * builds of the same input give the same bytes.
 */
public final class Epub {
    private static final byte[] MIMETYPE = "application/epub+zip".getBytes(StandardCharsets.US_ASCII);

    private Epub() {
    }

    /** Writes the EPUB of {@code parts} (path inside the book → bytes) into {@code out}. */
    public static void write(Map<String, byte[]> parts, String modified, OutputStream out) throws IOException {
        LocalDateTime time = OffsetDateTime.parse(modified).toLocalDateTime();
        StoredZip.write(out, "mimetype", MIMETYPE, parts, time);
    }
}
