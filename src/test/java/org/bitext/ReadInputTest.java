package org.bitext;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.bitext.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadInputTest {
    private static long directBytes() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(p -> p.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
    }

    /**
     * Reading a big input leaves no native buffer as big as the file behind (Files.readAllBytes does: the
     * JDK keeps the temporary direct buffer it read through for the thread, 64 MB at 100 000 turns).
     */
    @Test
    void readingABigInputKeepsNoBufferOfItsSize(@TempDir Path content) throws Exception {
        String line = "# 一行注释 a comment line\n";
        Files.writeString(content.resolve("edition.yaml"), line.repeat((8 << 20) / line.length()), StandardCharsets.UTF_8);
        Files.writeString(content.resolve("transcript.md"), "# 标题\n", StandardCharsets.UTF_8);
        AtomicLong kept = new AtomicLong();
        Diagnostics diags = new Diagnostics();
        // a thread of its own: the JDK's buffer cache is per thread and freed when the thread ends
        Thread reader = new Thread(() -> {
            long before = directBytes();
            try {
                Bitext.load(content, false, diags);
            } catch (org.bitext.diag.BuildFailure expected) {
                // the file is only comments; what matters is that it was read
            }
            kept.set(directBytes() - before);
        });
        reader.start();
        reader.join();
        assertTrue(diags.hasErrors(), "the edition was read and found wanting");
        assertTrue(kept.get() < (1 << 20), "direct buffers kept after reading: " + kept.get());
    }

    /** The same for the other whole-file reads (template folder, preview server): all the bytes, no buffer kept. */
    @Test
    void fileBytesReadsAllOfABigFileAndKeepsNoBufferOfItsSize(@TempDir Path dir) throws Exception {
        byte[] data = new byte[(6 << 20) + 12345];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + (i >> 16));
        }
        Path file = dir.resolve("edition.json");
        Files.write(file, data);
        AtomicLong kept = new AtomicLong();
        byte[][] read = new byte[1][];
        Thread reader = new Thread(() -> {
            long before = directBytes();
            try {
                read[0] = org.bitext.output.FileBytes.read(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            kept.set(directBytes() - before);
        });
        reader.start();
        reader.join();
        assertArrayEquals(data, read[0]);
        assertTrue(kept.get() < (1 << 20), "direct buffers kept after reading: " + kept.get());
        assertArrayEquals(new byte[0], org.bitext.output.FileBytes.read(Files.write(dir.resolve("empty"), new byte[0])));
    }
}
