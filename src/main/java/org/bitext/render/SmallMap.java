package org.bitext.render;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An insertion-ordered map for the page model's small records (a turn, a note, a piece of text): keys
 * and values side by side in one array, looked up by a linear scan. A {@code LinkedHashMap} costs
 * about 40 bytes per entry plus its table; this costs 8. At 100 000 turns the model has millions of
 * entries. Templates see it as any other map.
 */
final class SmallMap extends AbstractMap<String, Object> {
    private Object[] kv;
    private int size;

    SmallMap(int capacity) {
        kv = new Object[2 * capacity];
    }

    SmallMap() {
        this(4);
    }

    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) {
            Object k = kv[2 * i];
            if (k == key || k.equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Object get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : kv[2 * i + 1];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Object put(String key, Object value) {
        int i = indexOf(key);
        if (i >= 0) {
            Object old = kv[2 * i + 1];
            kv[2 * i + 1] = value;
            return old;
        }
        if (2 * size == kv.length) {
            kv = Arrays.copyOf(kv, Math.max(4, kv.length * 2));
        }
        kv[2 * size] = key;
        kv[2 * size + 1] = value;
        size++;
        return null;
    }

    @Override
    public int size() {
        return size;
    }

    /** Gives back the room it does not use, once complete. */
    SmallMap trim() {
        if (kv.length > 2 * size) {
            kv = Arrays.copyOf(kv, 2 * size);
        }
        return this;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < size;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (i >= size) {
                            throw new NoSuchElementException();
                        }
                        int at = i++;
                        return new SimpleImmutableEntry<>((String) kv[2 * at], kv[2 * at + 1]);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
