package org.bitext.output;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a zip archive whose bytes depend on nothing but its entries: one entry first (an EPUB's
 * {@code mimetype}), the rest sorted by name, every entry with the same fixed time and no extra field.
 * Entries are stored, not deflated: compressed bytes may change with the JDK's zlib, and a committed
 * archive must come out the same on every machine.
 */
public final class StoredZip {
    private StoredZip() {
    }

    /**
     * Writes {@code first} and then {@code entries} in the order of their names into {@code out}, which is
     * left open. {@code time} is written as it is (a zip time has no time zone).
     */
    public static void write(OutputStream out, String firstName, byte[] first, Map<String, byte[]> entries,
            LocalDateTime time) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setMethod(ZipOutputStream.STORED);
        add(zip, firstName, first, time);
        for (Map.Entry<String, byte[]> e : new TreeMap<>(entries).entrySet()) {
            if (!e.getKey().equals(firstName)) {
                add(zip, e.getKey(), e.getValue(), time);
            }
        }
        zip.finish(); // not close(): the stream it writes into is its owner's to close
    }

    private static void add(ZipOutputStream zip, String name, byte[] bytes, LocalDateTime time) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        // setTimeLocal, not setTime: setTime converts through the machine's time zone
        entry.setTimeLocal(time);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }
}
