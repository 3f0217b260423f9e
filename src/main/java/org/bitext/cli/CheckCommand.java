package org.bitext.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.bitext.Bitext;
import org.bitext.diag.BuildFailure;
import org.bitext.diag.Diagnostics;

/** {@code bitext check}: everything a build does (templates and links included) but write nothing. */
final class CheckCommand {
    private CheckCommand() {
    }

    static int run(Options options, PrintWriter out, PrintWriter err) throws IOException {
        long start = System.nanoTime();
        Diagnostics diags = new Diagnostics();
        try {
            Bitext.Result result = Bitext.check(options.toOptions(), diags);
            Reporter.print(diags, err);
            out.println(BuildCommand.summary("Checked", result.edition(), "", start)
                    + (diags.warnings().isEmpty() ? "" : " (" + diags.warnings().size() + " warnings)"));
            return 0;
        } catch (BuildFailure e) {
            Reporter.print(diags, err);
            return 1;
        }
    }
}
