package org.bitext.output;

import java.io.IOException;

/**
 * The output folder cannot be used: either it is refused (it is, holds or lies inside something the
 * user made; exit 2) or it cannot be written (exit 1). The message is one line, for the user.
 */
public final class OutputProblem extends IOException {
    private static final long serialVersionUID = 1L;

    private final boolean refused;

    private OutputProblem(String message, boolean refused) {
        super(message, null);
        this.refused = refused;
    }

    /** A folder Bitext will not replace, whatever the file system allows. */
    static OutputProblem refused(String message) {
        return new OutputProblem(message, true);
    }

    /** A folder Bitext may replace but the file system will not let it. */
    static OutputProblem failed(String message) {
        return new OutputProblem(message, false);
    }

    /** The exit code of the command line: 2 for a refused folder, 1 for one that cannot be written. */
    public int exitCode() {
        return refused ? 2 : 1;
    }
}
