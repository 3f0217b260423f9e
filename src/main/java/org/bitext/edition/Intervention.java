package org.bitext.edition;

/**
 * A visible editorial change to how the source presents a turn. {@code sourceSpeaker} is who the
 * source's labelling gives the text to; {@code reason} is the editor's Markdown.
 */
public record Intervention(Kind kind, String sourceSpeaker, String reason) {
    /** What the editor did. */
    public enum Kind { REATTRIBUTED, SPLIT }
}
