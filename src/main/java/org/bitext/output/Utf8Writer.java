package org.bitext.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Encodes text to UTF-8 in large pieces with {@link String#getBytes}, giving exactly the bytes of
 * {@code text.getBytes(UTF_8)} for the whole text (a lone surrogate becomes {@code ?}), without holding
 * the whole text. A piece never ends between the two halves of a surrogate pair. Faster than an
 * {@link java.io.OutputStreamWriter} for the many short strings a template writes.
 */
public final class Utf8Writer extends Writer {
    private static final int PIECE = 1 << 14;
    private final OutputStream out;
    private final StringBuilder buf = new StringBuilder(PIECE + 256);

    public Utf8Writer(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        buf.append(s, off, off + len);
        drainIfFull();
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        buf.append(cbuf, off, len);
        drainIfFull();
    }

    @Override
    public void write(int c) throws IOException {
        buf.append((char) c);
        drainIfFull();
    }

    @Override
    public Writer append(CharSequence csq) throws IOException {
        buf.append(csq);
        drainIfFull();
        return this;
    }

    private void drainIfFull() throws IOException {
        if (buf.length() >= PIECE) {
            drain(false);
        }
    }

    /** Encodes what is buffered; keeps a trailing high surrogate for its partner unless this is the end. */
    private void drain(boolean end) throws IOException {
        int n = buf.length();
        if (!end && n > 0 && Character.isHighSurrogate(buf.charAt(n - 1))) {
            n--;
        }
        out.write(buf.substring(0, n).getBytes(StandardCharsets.UTF_8));
        buf.delete(0, n);
    }

    /** Encodes what can be encoded so far (not a trailing high surrogate) and flushes the stream. */
    @Override
    public void flush() throws IOException {
        drain(false);
        out.flush();
    }

    /** Encodes everything written, as the end of the text, and flushes the stream. */
    public void end() throws IOException {
        drain(true);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        end();
        out.close();
    }
}
