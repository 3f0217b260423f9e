package org.bitext.output;

import java.io.IOException;

/** Where a build puts the files of the site: a staging folder ({@link Publisher}) or memory ({@link MemorySink}). */
public interface Sink {
    /** A new, empty file at {@code path} (relative to the site root). Thread-safe. */
    PageOut create(String path) throws IOException;

    /**
     * Adds the finished file. {@code unchanged}: the output folder already holds these very bytes
     * under this path, from the last build of the same session, so they need not be written again.
     * Thread-safe.
     */
    void add(String path, PageOut file, boolean unchanged) throws IOException;
}
