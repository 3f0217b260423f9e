package org.bitext.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One file of the site as it is made. It stays in memory while small; past {@code spillAt} bytes it
 * goes on into its file in the staging folder, so a page of any size costs at most that much memory.
 */
public final class PageOut extends OutputStream {
    private final Path file;
    private final long spillAt;
    private byte[] buf = new byte[8192];
    private int count;
    private OutputStream spilled;

    /**
     * @param file where the bytes go once there are more than {@code spillAt}; null to keep them all in memory
     */
    public PageOut(Path file, long spillAt) {
        this.file = file;
        this.spillAt = file == null ? Long.MAX_VALUE : spillAt;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (spilled == null && count + (long) len > spillAt) {
            Files.createDirectories(file.getParent());
            spilled = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            spilled.write(buf, 0, count);
            buf = null;
            count = 0;
        }
        if (spilled != null) {
            spilled.write(b, off, len);
            return;
        }
        if (count + len > buf.length) {
            long want = Math.max((long) buf.length * 2, (long) count + len);
            if (want > Integer.MAX_VALUE - 16) {
                throw new IOException("a file of the site is over 2 GB");
            }
            buf = Arrays.copyOf(buf, (int) want);
        }
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    @Override
    public void close() throws IOException {
        if (spilled != null) {
            spilled.close(); // a second close does nothing
        }
    }

    /** True when the bytes are in memory (the file was small), false when they are already in their file. */
    public boolean inMemory() {
        return spilled == null;
    }

    /** The bytes, when {@link #inMemory}. */
    public byte[] bytes() {
        if (buf.length != count) {
            buf = Arrays.copyOf(buf, count);
        }
        return buf;
    }

    /** Reads a file that is not {@link #inMemory} back from its file. */
    public InputStream stream() throws IOException {
        return Files.newInputStream(file);
    }
}
