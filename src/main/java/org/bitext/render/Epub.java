package org.bitext.render;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.bitext.output.StoredZip;
import org.bitext.view.EpubFiles;
import org.bitext.view.Page;

/**
 * Makes the EPUB edition: each file inside it with its template under {@code epub/}, then one zip
 * with {@code mimetype} first and every entry dated with the book's dcterms:modified, so two builds
 * of the same input give the same bytes.
 */
public final class Epub {
    private static final byte[] MIMETYPE = "application/epub+zip".getBytes(StandardCharsets.US_ASCII);

    private Epub() {
    }

    /** Writes the EPUB into {@code out}; returns null, or the template error that stopped it (nothing is written then). */
    public static TemplateError write(Renderer renderer, EpubFiles book, OutputStream out, long timeoutNanos) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        for (Page file : book.files()) {
            StringWriter w = new StringWriter();
            TemplateError error = renderer.render(file, w, timeoutNanos);
            if (error != null) {
                return error;
            }
            files.put(file.path(), w.toString().getBytes(StandardCharsets.UTF_8));
        }
        LocalDateTime time = OffsetDateTime.parse(book.modified()).toLocalDateTime();
        StoredZip.write(out, "mimetype", MIMETYPE, files, time);
        return null;
    }
}
