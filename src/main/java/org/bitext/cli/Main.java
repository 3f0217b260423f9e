package org.bitext.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.bitext.output.OutputFolder;
import org.bitext.output.OutputProblem;

/**
 * The {@code bitext} command: build, check, serve. The command line is parsed by hand ({@link Options}):
 * a parsing library cost a cold build more start-up time than the whole YAML parse (BENCHMARKS.md).
 *
 * <p>Exit codes: 0 done, 1 the content has errors (or the preview cannot start), 2 the command line is
 * wrong, 70 an internal error.
 */
public final class Main {
    static final String VERSION = "bitext 0.1.0";

    private static final String OPTION_HELP = """
              -h, --help            Show this help message and exit.
              -V, --version         Print version information and exit.
            """;

    private static final String BUILD_OPTIONS = """
                  --content=DIR     content folder (default: content)
                  --templates=DIR   templates folder (default: templates)
                  --out=DIR         output folder (default: site); replaced whole, so it
                                      must be a folder Bitext made
                  --static=DIR      files published as they are (default: static
                                      beside the content folder)
                  --force           replace an output folder Bitext did not make
                  --base-url=URL    where the site is published; overrides edition.base_url
                  --strict          treat warnings (pending translations, turns without
                                      topic, unused glossary terms) as errors
                  --verbose         show stack traces of internal errors
            """;

    private static final String SERVE_OPTIONS = """
                  --port=N          port to listen on; 0 picks a free one (default: 8000)
                  --host=H          address to listen on (default: 127.0.0.1, this machine
                                      only)
            """;

    private static final String USAGE = """
            Usage: bitext [-hV] COMMAND [OPTIONS]
            Builds a bilingual annotated edition of an interview transcript as a static
            site.
              -h, --help      Show this help message and exit.
              -V, --version   Print version information and exit.
            Commands:
              build  Build the edition into the output folder.
              check  Validate content and templates; write nothing.
              serve  Build, serve the site on this machine, rebuild on every save and
                       reload open pages.
              init   Make a new edition from a transcript (bitext init DIR --transcript FILE).
              status Show what is glossed and what is left, and who says each turn.
              schema Write the JSON Schema of edition.yaml (for editors).
              theme  Write the built-in templates and assets out to restyle them
                       (bitext theme export [DIR]).
            Run 'bitext COMMAND --help' for the options of a command.
            """;

    private Main() {
    }

    /** The usage of build, check or serve (the three take the same options, serve two more); else the general one. */
    static String usage(String command) {
        String what = switch (command) {
            case "build" -> "Build the edition into the output folder.\n";
            case "check" -> "Validate content and templates; write nothing (--out is checked as build would).\n";
            case "serve" -> "Build, serve the site on this machine, rebuild on every save and reload open\npages.\n";
            default -> null;
        };
        if (what == null) {
            return USAGE;
        }
        boolean serve = command.equals("serve");
        return "Usage: bitext " + command + " [-hV] [--strict] [--verbose] [--content=DIR] [--templates=DIR]\n"
                + "                    [--out=DIR] [--static=DIR] [--force]" + (serve ? " [--port=N] [--host=H]" : "") + "\n"
                + what + BUILD_OPTIONS + (serve ? SERVE_OPTIONS : "") + OPTION_HELP;
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs the command line with the given streams and returns the exit code (for tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        int code;
        try {
            code = dispatch(args, out, err);
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

    private static int dispatch(String[] args, PrintWriter out, PrintWriter err) {
        String command = args.length == 0 ? "" : args[0];
        switch (command) {
            case "", "-h", "--help" -> {
                out.print(USAGE);
                return 0;
            }
            case "-V", "--version" -> {
                out.println(VERSION);
                return 0;
            }
            case "build", "check", "serve" -> {
                // handled below
            }
            case "init", "status", "schema", "theme" -> {
                return StartCommands.run(command, args, out, err);
            }
            default -> {
                err.println(command.startsWith("-") ? "Unknown option: '" + command + "'"
                        : "Unknown command: '" + command + "' (the commands are build, check, serve, init, status, schema and theme)");
                err.print(USAGE);
                return 2;
            }
        }
        Options options;
        try {
            options = Options.parse(command, args, 1);
        } catch (Options.UsageException e) {
            err.println(e.getMessage());
            err.print(usage(command));
            return 2;
        }
        if (options.help) {
            out.print(usage(command));
            return 0;
        }
        if (options.version) {
            out.println(VERSION);
            return 0;
        }
        try {
            // before any work: a folder that must not be replaced is refused whatever the content holds
            OutputFolder.check(options.out, options.content, options.templates, options.staticFolder(), options.force);
        } catch (OutputProblem e) {
            err.println("bitext: " + e.getMessage());
            return e.exitCode();
        }
        if (options.templatesGiven && !Files.isDirectory(options.templates)) {
            err.println("bitext: --templates " + options.templates
                    + " is not a folder (leave the option out to use the built-in theme)");
            return 2;
        }
        if (options.staticFolder != null && !Files.isDirectory(options.staticFolder)) {
            err.println("bitext: --static " + options.staticFolder + " is not a folder"); // a folder named on purpose must exist
            return 2;
        }
        try {
            return command.equals("serve") ? BuildCommand.serve(options, out, err) : BuildCommand.run(command, options, out, err);
        } catch (Exception | StackOverflowError | AssertionError e) {
            err.println("bitext: internal error: " + e);
            if (options.verbose) {
                e.printStackTrace(err);
            } else {
                err.println("(run with --verbose for the stack trace)");
            }
            return 70;
        }
    }
}
