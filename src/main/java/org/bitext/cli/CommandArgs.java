package org.bitext.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of the small commands (init, status, schema, theme): a few named options that take a
 * value, at most {@code maxPositional} plain arguments, and {@code -h}/{@code --help}. Mistakes are
 * {@link Options.UsageException}s, as for build, check and serve.
 */
final class CommandArgs {
    final List<String> positional = new ArrayList<>();
    final Map<String, String> values = new HashMap<>();
    boolean help;

    private CommandArgs() {
    }

    static CommandArgs parse(String command, String[] args, int from, Set<String> valued, int maxPositional)
            throws Options.UsageException {
        CommandArgs a = new CommandArgs();
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 2 ? arg.substring(0, eq) : arg;
            String value = name.equals(arg) ? null : arg.substring(eq + 1);
            if (name.equals("-h") || name.equals("--help")) {
                if (value != null) {
                    throw new Options.UsageException("Option '" + name + "' takes no value");
                }
                a.help = true;
            } else if (valued.contains(name)) {
                if (a.values.containsKey(name)) {
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
                a.values.put(name, value);
            } else if (arg.startsWith("-") && arg.length() > 1) {
                throw new Options.UsageException("Unknown option: '" + arg + "'");
            } else if (a.positional.size() >= maxPositional) {
                throw new Options.UsageException("Unexpected argument: '" + arg + "' (" + command + " takes "
                        + (maxPositional == 0 ? "options only" : "at most " + maxPositional + " folder or file") + ")");
            } else {
                a.positional.add(arg);
            }
        }
        return a;
    }

    static Path path(String option, String value) throws Options.UsageException {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new Options.UsageException("Invalid value for '" + option + "': " + e.getMessage());
        }
    }
}
