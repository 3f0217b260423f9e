package org.bitext.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bitext.render.Theme;

/**
 * The commands that start and track an edition: {@code init}, {@code status}, {@code schema} and
 * {@code theme export}. Each takes a few named options with a value, a few plain arguments and
 * {@code -h}/{@code --help}; like the others they exit 2 on a wrong command line and 70 on an internal
 * error.
 */
final class StartCommands {
    static final String SCHEMA_USAGE = """
            Usage: bitext schema [-h] [FILE]
            Write the JSON Schema of edition.yaml to FILE (never over an existing file), or print it.
            Editors that know JSON Schema complete and check the keys of edition.yaml with it.
              -h, --help            Show this help message and exit.
            """;

    static final String THEME_USAGE = """
            Usage: bitext theme export [-h] [DIR]
            Write the built-in templates and assets into DIR (default: templates) to restyle them.
            A file in the project's templates folder replaces the built-in one of the same name;
            delete the files you do not change. Never overwrites a file.
              -h, --help            Show this help message and exit.
            """;

    private StartCommands() {
    }

    /** The arguments of a start command: its plain arguments, the values of its named options, whether -h was given. */
    record Args(List<String> positional, Map<String, String> values, boolean help) {
    }

    private interface Command {
        int run(Args args, PrintWriter out, PrintWriter err) throws IOException;
    }

    /** A command: its usage, the options that take a value, how many plain arguments it takes. */
    private record Spec(String usage, Set<String> valued, int maxPositional, Command command) {
    }

    static int run(String command, String[] args, PrintWriter out, PrintWriter err) {
        Spec spec = switch (command) {
            case "init" -> new Spec(InitCommand.USAGE, Set.of("--transcript"), 1, InitCommand::run);
            case "status" -> new Spec(StatusCommand.USAGE, Set.of("--content"), 0, StatusCommand::run);
            case "theme" -> new Spec(THEME_USAGE, Set.of(), 2, StartCommands::theme);
            default -> new Spec(SCHEMA_USAGE, Set.of(), 1, StartCommands::schema);
        };
        Args parsed;
        try {
            parsed = parse(command, args, spec.valued(), spec.maxPositional());
        } catch (Options.UsageException e) {
            err.println(e.getMessage());
            err.print(spec.usage());
            return 2;
        }
        if (parsed.help()) {
            out.print(spec.usage());
            return 0;
        }
        try {
            return spec.command().run(parsed, out, err);
        } catch (IOException e) {
            err.println("bitext " + command + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException | StackOverflowError e) {
            err.println("bitext: internal error: " + e);
            return 70;
        }
    }

    /** Parses {@code args[1..]}: mistakes are {@link Options.UsageException}s, as for build, check and serve. */
    private static Args parse(String command, String[] args, Set<String> valued, int maxPositional)
            throws Options.UsageException {
        List<String> positional = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        boolean help = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String name = Options.name(arg);
            String value = name.equals(arg) ? null : arg.substring(name.length() + 1);
            if (name.equals("-h") || name.equals("--help")) {
                if (value != null) {
                    throw new Options.UsageException("Option '" + name + "' takes no value");
                }
                help = true;
            } else if (valued.contains(name)) {
                if (values.containsKey(name)) {
                    throw new Options.UsageException("Option '" + name + "' is given more than once");
                }
                if (value == null) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        throw new Options.UsageException("Option '" + name + "' needs a value");
                    }
                    value = args[++i];
                }
                if (value.isEmpty()) {
                    throw new Options.UsageException("Option '" + name + "' needs a value, not an empty one");
                }
                values.put(name, value);
            } else if (arg.startsWith("-") && arg.length() > 1) {
                throw new Options.UsageException("Unknown option: '" + arg + "'");
            } else if (positional.size() >= maxPositional) {
                throw new Options.UsageException("Unexpected argument: '" + arg + "' (" + command + " takes "
                        + (maxPositional == 0 ? "options only" : "at most " + maxPositional + " folder or file") + ")");
            } else {
                positional.add(arg);
            }
        }
        return new Args(positional, values, help);
    }

    /** {@code value} as a path, or null after saying why it is not one (and printing {@code usage}, if any). */
    static Path path(String option, String value, PrintWriter err, String usage) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            err.println("Invalid value for '" + option + "': " + e.getMessage());
            if (usage != null) {
                err.print(usage);
            }
            return null;
        }
    }

    /**
     * Writes every file, making its folders, only if none of them exists yet (not even as a dangling
     * link): a start command never overwrites a file. Returns the files that exist, in order; when
     * there are any, nothing was written.
     */
    static List<Path> writeAllNew(Map<Path, byte[]> files) throws IOException {
        List<Path> existing = files.keySet().stream().filter(p -> Files.exists(p) || Files.isSymbolicLink(p)).toList();
        if (existing.isEmpty()) {
            for (Map.Entry<Path, byte[]> f : files.entrySet()) {
                Files.createDirectories(f.getKey().toAbsolutePath().getParent());
                Files.write(f.getKey(), f.getValue(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
        }
        return existing;
    }

    /** Names each file that exists already and says that nothing was written; returns exit code 2. */
    static int refuseExisting(List<Path> existing, String command, String advice, PrintWriter err) {
        for (Path p : existing) {
            err.println("bitext " + command + ": " + p + " already exists");
        }
        err.println("bitext " + command + " never overwrites a file, so nothing was written; " + advice);
        return 2;
    }

    private static int schema(Args args, PrintWriter out, PrintWriter err) throws IOException {
        byte[] schema = InitCommand.resource("/org/bitext/edition.schema.json");
        if (args.positional().isEmpty()) {
            out.print(new String(schema, StandardCharsets.UTF_8));
            return 0;
        }
        Path file = path("FILE", args.positional().get(0), err, null);
        if (file == null) {
            return 2;
        }
        if (!writeAllNew(Map.of(file, schema)).isEmpty()) {
            err.println("bitext schema: " + file + " already exists; nothing was written (choose another name, or print"
                    + " the schema with 'bitext schema')");
            return 2;
        }
        out.println("Wrote the JSON Schema of edition.yaml to " + file);
        return 0;
    }

    /** {@code bitext theme export [DIR]}: the built-in theme, written out (default: templates/) to restyle it. */
    private static int theme(Args args, PrintWriter out, PrintWriter err) throws IOException {
        List<String> given = args.positional();
        if (given.isEmpty() || !given.get(0).equals("export")) {
            err.println(given.isEmpty() ? "Missing subcommand: bitext theme export [DIR]"
                    : "Unknown subcommand: '" + given.get(0) + "' (the one there is: export)");
            err.print(THEME_USAGE);
            return 2;
        }
        Path dir = path("DIR", given.size() > 1 ? given.get(1) : "templates", err, null);
        if (dir == null) {
            return 2;
        }
        Map<String, byte[]> theme = Theme.files();
        Map<Path, byte[]> files = new LinkedHashMap<>();
        theme.forEach((name, bytes) -> files.put(dir.resolve(name), bytes));
        List<Path> existing = writeAllNew(files);
        if (!existing.isEmpty()) {
            return refuseExisting(existing, "theme export", "choose another folder", err);
        }
        out.println("Wrote the built-in theme (" + Reporter.count(theme.size(), "file") + ") into " + dir
                + "; a file there replaces the built-in one of the same name");
        return 0;
    }
}
