package org.bitext.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.bitext.Bitext;
import org.bitext.diag.BuildFailure;
import org.bitext.diag.Diagnostics;
import org.bitext.edition.Edition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bitext build}: render the edition and replace the output folder only if all is well. */
@Command(name = "build", mixinStandardHelpOptions = true, description = "Build the edition into the output folder.")
final class BuildCommand implements Callable<Integer> {
    @Mixin
    BuildOptions options = new BuildOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Diagnostics diags = new Diagnostics();
        try {
            Bitext.Result result = Bitext.build(options.toOptions(), diags);
            Reporter.print(diags, err);
            out.println(summary("Built", result.edition(), result.fileCount() + " files into " + options.out, start));
            return 0;
        } catch (BuildFailure e) {
            Reporter.print(diags, err);
            return 1;
        }
    }

    static String summary(String verb, Edition e, String where, long startNanos) {
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        return verb + " " + e.pages().size() + " sections, " + e.turnCount() + " turns, " + e.notes().size() + " notes, "
                + e.topics().size() + " topics" + (where.isEmpty() ? "" : ", " + where) + " in " + ms + " ms";
    }
}
