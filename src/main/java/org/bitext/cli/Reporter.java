package org.bitext.cli;

import java.io.PrintWriter;
import org.bitext.diag.Diagnostic;
import org.bitext.diag.Diagnostics;

/** Prints diagnostics: every warning and error of the run, in file order. */
final class Reporter {
    private Reporter() {
    }

    static void print(Diagnostics diags, PrintWriter err) {
        for (Diagnostic d : diags.sorted()) {
            err.println(diags.format(d));
        }
        int errors = diags.errors().size();
        if (errors > 0) {
            err.println("bitext: " + errors + (errors == 1 ? " error" : " errors") + "; nothing was written");
        }
        err.flush();
    }
}
