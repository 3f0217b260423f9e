package org.bitext.editorial;

import org.bitext.diag.Position;

/** A phrase quoted from the transcript to point at it, with optional context on either side. */
public record Quote(String exact, String prefix, String suffix, Position position) {
    public static Quote of(String exact, Position position) {
        return new Quote(exact, null, null, position);
    }
}
