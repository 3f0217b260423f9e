package org.bitext.cli;

import java.io.PrintWriter;
import org.bitext.diag.Diagnostic;
import org.bitext.diag.Diagnostics;

/** What the commands print: every warning and error of a run, in file order, and counts of things. */
final class Reporter {
    private Reporter() {
    }

    static void print(Diagnostics diags, PrintWriter err) {
        for (Diagnostic d : diags.sorted()) {
            err.println(diags.format(d));
        }
        int errors = diags.errors().size();
        if (errors > 0) {
            err.println("bitext: " + count(errors, "error") + "; nothing was written");
        }
        err.flush();
    }

    /** "1 turn", "2 turns": a count with its noun, for the nouns the command line uses (all plural in -s). */
    static String count(int n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }
}
