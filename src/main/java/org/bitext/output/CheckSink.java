package org.bitext.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes the site and keeps none of it: for {@code check}, which must find every error a build finds
 * without writing anything, at any size. A file is held in memory while small, as in a build; a big
 * one goes on into a scratch folder (outside the output folder) only for as long as its links are read,
 * then is deleted. {@link #close} removes the scratch folder.
 */
public final class CheckSink implements Sink, AutoCloseable {
    private final Path scratch;
    private final long spillAt;

    public CheckSink() throws IOException {
        this(Publisher.SPILL_AT);
    }

    /** The same, spilling every file larger than {@code spillAt} bytes (tests: 0). */
    CheckSink(long spillAt) throws IOException {
        this.scratch = Files.createTempDirectory("bitext-check-");
        this.spillAt = spillAt;
    }

    @Override
    public PageOut create(String path) throws IOException {
        return new PageOut(Publisher.inside(scratch, path), spillAt);
    }

    @Override
    public void add(String path, PageOut file, boolean unchanged) throws IOException {
        if (!file.inMemory()) {
            Files.deleteIfExists(Publisher.inside(scratch, path)); // its links have been read
        }
    }

    /** The scratch folder, while it exists (tests). */
    Path scratch() {
        return scratch;
    }

    @Override
    public void close() throws IOException {
        Publisher.deleteTree(scratch);
    }
}
