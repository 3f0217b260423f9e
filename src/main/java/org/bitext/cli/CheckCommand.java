package org.bitext.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.bitext.Bitext;
import org.bitext.diag.BuildFailure;
import org.bitext.diag.Diagnostics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bitext check}: everything a build does (templates and links included) but write nothing. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Validate content and templates; write nothing.")
final class CheckCommand implements Callable<Integer> {
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
