package org.bitext.serve;

import org.bitext.diag.Diagnostic;
import org.bitext.diag.Diagnostics;

/** One error of a failed preview build, as the browser overlay shows it. */
public record BuildError(String file, int line, int column, String message, String hint, String text) {

    /** The error with its place, its message, the source line and a caret (as printed on the console). */
    static BuildError of(Diagnostic d, Diagnostics diags) {
        return new BuildError(d.position().file(), d.position().line(), d.position().column(), d.message(),
                d.hint(), diags.format(d));
    }

    /** {@code file:line:column}, the way editors and terminals link to a place. */
    public String location() {
        return file + ":" + line + ":" + column;
    }

    /** The error as the overlay reads it: a JSON object. */
    String json() {
        return "{\"location\": " + Json.quote(location()) + ", \"file\": " + Json.quote(file) + ", \"line\": " + line
                + ", \"column\": " + column + ", \"message\": " + Json.quote(message) + ", \"hint\": " + Json.quote(hint)
                + ", \"text\": " + Json.quote(text) + "}";
    }
}
