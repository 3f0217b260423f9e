package org.bitext.output;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads whole files a piece at a time. {@code Files.readAllBytes} reads through a temporary direct
 * buffer as big as the file, and the JDK then keeps that buffer for the thread: 64 MB of native memory
 * for the rest of a 100 000-turn build, or for the life of a preview server's thread that once sent a
 * big file.
 */
public final class FileBytes {
    private static final int PIECE = 1 << 16;

    private FileBytes() {
    }

    /** The bytes of {@code file}; if it changes while it is read, what it holds when read again. */
    public static byte[] read(Path file) throws IOException {
        return read(file, Files.size(file));
    }

    /** The same, for a caller that has just asked for the file's {@code size} itself. */
    public static byte[] read(Path file, long size) throws IOException {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IOException(file + " is too large to read into memory");
        }
        byte[] bytes = new byte[(int) size];
        int n = 0;
        try (InputStream in = new FileInputStream(file.toFile())) {
            while (n < bytes.length) {
                int r = in.read(bytes, n, Math.min(PIECE, bytes.length - n));
                if (r < 0) {
                    break;
                }
                n += r;
            }
            if (n == bytes.length && in.read() < 0) {
                return bytes;
            }
        }
        try (InputStream in = new FileInputStream(file.toFile())) {
            return in.readAllBytes(); // it changed while it was read (InputStream's pieces, no direct buffer)
        }
    }
}
