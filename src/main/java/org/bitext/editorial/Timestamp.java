package org.bitext.editorial;

import org.bitext.diag.Position;

/** A moment in the recording, in seconds from its start, and where the editor wrote it. */
public record Timestamp(int seconds, Position position) {
    /** "m:ss" under an hour, "h:mm:ss" from an hour on: how a player shows it. */
    public String text() {
        int h = seconds / 3600;
        int m = seconds / 60 % 60;
        int s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }
}
