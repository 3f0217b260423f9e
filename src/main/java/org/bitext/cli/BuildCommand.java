package org.bitext.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.bitext.Bitext;
import org.bitext.diag.BuildFailure;
import org.bitext.diag.Diagnostics;
import org.bitext.diag.Timings;
import org.bitext.edition.Edition;
import org.bitext.output.OutputProblem;

/** {@code bitext build}: render the edition and replace the output folder only if all is well. */
final class BuildCommand {
    private BuildCommand() {
    }

    static int run(Options options, PrintWriter out, PrintWriter err) throws IOException {
        long start = System.nanoTime();
        Timings.mark("main");
        Diagnostics diags = new Diagnostics();
        try {
            Bitext.Result result = Bitext.build(options.toOptions(), diags);
            Reporter.print(diags, err);
            out.println(summary("Built", result.edition(), Counts.of(result.fileCount(), "file") + " into " + options.out, start));
            return 0;
        } catch (BuildFailure e) {
            Reporter.print(diags, err);
            return 1;
        } catch (OutputProblem e) {
            err.println("bitext: " + e.getMessage());
            return e.exitCode();
        }
    }

    static String summary(String verb, Edition e, String where, long startNanos) {
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        return verb + " " + Counts.of(e.pages().size(), "section") + ", " + Counts.of(e.turnCount(), "turn") + ", "
                + Counts.of(e.notes().size(), "note") + ", " + Counts.of(e.topics().size(), "topic")
                + (where.isEmpty() ? "" : ", " + where) + " in " + ms + " ms";
    }
}
