package org.bitext.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bitext} command: build, check, serve. */
@Command(name = "bitext", mixinStandardHelpOptions = true, version = "bitext 0.1.0",
        description = "Builds a bilingual annotated edition of an interview transcript as a static site.",
        subcommands = {BuildCommand.class, CheckCommand.class, ServeCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs the command line with the given streams and returns the exit code (for tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("bitext: internal error: " + ex);
            if (parseResult.hasMatchedOption("--verbose")) {
                ex.printStackTrace(err);
            } else {
                err.println("(run with --verbose for the stack trace)");
            }
            err.flush();
            return 70;
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            // Nothing was written (the site is swapped in only after a whole build); say what to do.
            err.println("bitext: out of memory; the edition is too large for this Java heap ("
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB). Run with a larger one, e.g. java -Xmx4g -jar bitext.jar ...");
            code = 70;
        }
        out.flush();
        err.flush();
        return code;
    }
}
