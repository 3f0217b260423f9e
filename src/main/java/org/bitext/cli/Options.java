package org.bitext.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.bitext.Bitext;
import org.bitext.editorial.EditorialReader;
import org.bitext.output.StaticFiles;
import org.bitext.serve.DevServer;

/**
 * The options of one command, parsed from its arguments. Options are long ({@code --out DIR} or
 * {@code --out=DIR}) except the help and version switches, which also have {@code -h} and {@code -V}.
 * Every mistake is a {@link UsageException} naming the argument; nothing is guessed.
 */
final class Options {
    Path content = Path.of("content");
    Path templates = Path.of("templates");
    /** True when --templates was given: that folder must then exist (the default may be absent: the built-in theme). */
    boolean templatesGiven;
    Path out = Path.of("site");
    /** Null: {@code static/} beside the content folder. */
    Path staticFolder;
    boolean force;
    boolean strict;
    boolean verbose;
    boolean help;
    boolean version;
    int port = DevServer.DEFAULT_PORT;
    String host = DevServer.DEFAULT_HOST;
    /** Overrides edition.base_url when given (the Pages workflow passes the address Pages reports). */
    String baseUrl;

    /** A command line that cannot be run: the message, then the usage of the command it was for. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    /** Parses {@code args[from..]} for {@code command} ("build", "check" or "serve"). */
    static Options parse(String command, String[] args, int from) throws UsageException {
        Options o = new Options();
        Set<String> seen = new HashSet<>();
        boolean serve = command.equals("serve");
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            String name = name(arg);
            String value = name.equals(arg) ? null : arg.substring(name.length() + 1);
            switch (name) {
                case "-h", "--help" -> o.help = flag(name, value);
                case "-V", "--version" -> o.version = flag(name, value);
                case "--strict" -> o.strict = flag(name, value);
                case "--verbose" -> o.verbose = flag(name, value);
                case "--force" -> o.force = flag(name, value);
                case "--content", "--templates", "--out", "--static", "--port", "--host", "--base-url" -> {
                    if (!serve && (name.equals("--port") || name.equals("--host"))) {
                        throw new UsageException("Unknown option: '" + arg + "' (only serve takes it)");
                    }
                    if (!seen.add(name)) {
                        throw new UsageException("Option '" + name + "' is given more than once");
                    }
                    if (value == null) {
                        if (i + 1 >= args.length || isOption(args[i + 1])) {
                            throw new UsageException("Option '" + name + "' needs a value (" + VALUED.get(name) + ")");
                        }
                        value = args[++i];
                    }
                    o.set(name, value);
                }
                default -> throw new UsageException(arg.startsWith("-")
                        ? "Unknown option: '" + arg + "'"
                        : "Unexpected argument: '" + arg + "' (" + command + " takes options only)");
            }
        }
        return o;
    }

    private static final Set<String> FLAGS = Set.of("-h", "--help", "-V", "--version", "--strict", "--verbose", "--force");
    /** The options that take a value, with what the value is. */
    private static final Map<String, String> VALUED = Map.of("--content", "DIR", "--templates", "DIR", "--out", "DIR",
            "--static", "DIR", "--port", "N", "--host", "H", "--base-url", "URL");

    /** The option an argument names: {@code --out} for {@code --out=DIR}; any other argument as it is. */
    static String name(String arg) {
        int eq = arg.indexOf('=');
        return arg.startsWith("--") && eq > 2 ? arg.substring(0, eq) : arg;
    }

    /** Whether {@code arg} is one of the options (then it is not the value the option before it lacks). */
    private static boolean isOption(String arg) {
        return FLAGS.contains(name(arg)) || VALUED.containsKey(name(arg));
    }

    private static boolean flag(String name, String value) throws UsageException {
        if (value != null) {
            throw new UsageException("Option '" + name + "' takes no value");
        }
        return true;
    }

    private void set(String name, String value) throws UsageException {
        if (value.isEmpty()) {
            throw new UsageException("Option '" + name + "' needs a value (" + VALUED.get(name) + "), not an empty one");
        }
        switch (name) {
            case "--content" -> content = path(name, value);
            case "--templates" -> {
                templates = path(name, value);
                templatesGiven = true;
            }
            case "--out" -> out = path(name, value);
            case "--static" -> staticFolder = path(name, value);
            case "--host" -> host = value;
            case "--base-url" -> {
                // checked as edition.base_url is; a missing final '/' is added the same way
                String problem = EditorialReader.baseUrlProblem(value);
                if (problem != null) {
                    throw new UsageException("Invalid value for option '--base-url': '" + value + "' " + problem
                            + " (such as https://owner.github.io/repo/)");
                }
                baseUrl = value.endsWith("/") ? value : value + "/";
            }
            default -> {
                try {
                    port = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    throw new UsageException("Invalid value for option '--port': '" + value + "' is not a number");
                }
                if (port < 0 || port > 65535) {
                    throw new UsageException("Invalid value for option '--port': " + value + " is not between 0 and 65535");
                }
            }
        }
    }

    private static Path path(String name, String value) throws UsageException {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException("Invalid value for option '" + name + "': " + e.getMessage());
        }
    }

    /** The static folder: as given, or {@code static/} beside the content folder. */
    Path staticFolder() {
        return staticFolder != null ? staticFolder : StaticFiles.besideContent(content);
    }

    Bitext.Options toOptions() {
        return new Bitext.Options(content, templates, out, strict, staticFolder(), force, baseUrl);
    }
}
