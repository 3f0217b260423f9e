package org.bitext.input;

/** How much input Bitext reads: the bounds that keep a wrong or hostile file from exhausting the machine. */
public final class Limits {
    /** Content files larger than this are refused with a clear message rather than read. */
    public static final long MAX_INPUT_BYTES = 64L * 1024 * 1024;
    /** SnakeYAML counts code points, not bytes; a UTF-8 byte never makes more than one, so this bound is never the tighter. */
    public static final int MAX_YAML_CODE_POINTS = (int) MAX_INPUT_BYTES;
    /** Aliases (*name) in edition.yaml: a handful is plenty for a hand-written file, and it stops alias bombs. */
    public static final int MAX_YAML_ALIASES = 20;
    /** Lists and mappings nested in edition.yaml. */
    public static final int MAX_YAML_DEPTH = 40;
    /**
     * A line of edition.yaml: SnakeYAML's reader copies its window again for every kilobyte of a long
     * token, so a line of megabytes would take hours; no hand-written line comes near this.
     */
    public static final int MAX_YAML_LINE_CHARS = 1_000_000;
    /** An id becomes a file name and a URL fragment. */
    public static final int MAX_SLUG_LENGTH = 80;

    private Limits() {
    }
}
