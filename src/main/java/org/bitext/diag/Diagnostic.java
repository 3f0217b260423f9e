package org.bitext.diag;

/** One problem found in the input, with where it is and, optionally, what to do about it. */
public record Diagnostic(Severity severity, Position position, String message, String hint) {
    /** How bad a diagnostic is. */
    public enum Severity { ERROR, WARNING }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
