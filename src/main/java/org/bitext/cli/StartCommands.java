package org.bitext.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * The commands that start and track an edition: {@code init}, {@code status}, {@code schema} and
 * {@code theme export}. Each
 * parses its own few options; like the others they exit 2 on a wrong command line and 70 on an
 * internal error.
 */
final class StartCommands {
    static final String SCHEMA_USAGE = """
            Usage: bitext schema [-h] [FILE]
            Write the JSON Schema of edition.yaml to FILE (never over an existing file), or print it.
            Editors that know JSON Schema complete and check the keys of edition.yaml with it.
              -h, --help            Show this help message and exit.
            """;

    private StartCommands() {
    }

    static int run(String command, String[] args, PrintWriter out, PrintWriter err) {
        String usage = switch (command) {
            case "init" -> InitCommand.USAGE;
            case "status" -> StatusCommand.USAGE;
            case "theme" -> ThemeCommand.USAGE;
            default -> SCHEMA_USAGE;
        };
        CommandArgs parsed;
        try {
            parsed = switch (command) {
                case "init" -> CommandArgs.parse(command, args, 1, Set.of("--transcript"), 1);
                case "status" -> CommandArgs.parse(command, args, 1, Set.of("--content"), 0);
                case "theme" -> CommandArgs.parse(command, args, 1, Set.of(), 2);
                default -> CommandArgs.parse(command, args, 1, Set.of(), 1);
            };
        } catch (Options.UsageException e) {
            err.println(e.getMessage());
            err.print(usage);
            return 2;
        }
        if (parsed.help) {
            out.print(usage);
            return 0;
        }
        try {
            return switch (command) {
                case "init" -> InitCommand.run(parsed, out, err);
                case "status" -> StatusCommand.run(parsed, out, err);
                case "theme" -> ThemeCommand.run(parsed, out, err);
                default -> schema(parsed, out, err);
            };
        } catch (IOException e) {
            err.println("bitext " + command + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException | StackOverflowError e) {
            err.println("bitext: internal error: " + e);
            return 70;
        }
    }

    private static int schema(CommandArgs args, PrintWriter out, PrintWriter err) throws IOException {
        byte[] schema = InitCommand.resource("/org/bitext/edition.schema.json");
        if (args.positional.isEmpty()) {
            out.print(new String(schema, StandardCharsets.UTF_8));
            return 0;
        }
        Path file;
        try {
            file = CommandArgs.path("FILE", args.positional.get(0));
        } catch (Options.UsageException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (Files.exists(file) || Files.isSymbolicLink(file)) {
            err.println("bitext schema: " + file + " already exists; nothing was written (choose another name, or print"
                    + " the schema with 'bitext schema')");
            return 2;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, schema, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        out.println("Wrote the JSON Schema of edition.yaml to " + file);
        return 0;
    }
}
