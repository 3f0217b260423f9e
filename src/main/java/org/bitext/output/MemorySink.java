package org.bitext.output;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps the whole site in memory (path → bytes): for {@code check} and tests, not for big editions. */
public final class MemorySink implements Sink {
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    @Override
    public PageOut create(String path) {
        return new PageOut(null, Long.MAX_VALUE);
    }

    @Override
    public void add(String path, PageOut file, boolean unchanged) {
        files.put(path, file.bytes());
    }

    /** The files, sorted by path. */
    public Map<String, byte[]> files() {
        return new TreeMap<>(files);
    }
}
