package org.bitext.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bitext.render.Theme;

/**
 * {@code bitext theme export [DIR]}: writes the built-in theme out (default: templates/) to restyle it.
 * Any file kept there overrides the built-in one, so the rest may be deleted. Never overwrites a file.
 */
final class ThemeCommand {
    static final String USAGE = """
            Usage: bitext theme export [-h] [DIR]
            Write the built-in templates and assets into DIR (default: templates) to restyle them.
            A file in the project's templates folder replaces the built-in one of the same name;
            delete the files you do not change. Never overwrites a file.
              -h, --help            Show this help message and exit.
            """;

    private ThemeCommand() {
    }

    static int run(CommandArgs args, PrintWriter out, PrintWriter err) throws IOException {
        if (args.positional.isEmpty() || !args.positional.get(0).equals("export")) {
            err.println(args.positional.isEmpty() ? "Missing subcommand: bitext theme export [DIR]"
                    : "Unknown subcommand: '" + args.positional.get(0) + "' (the one there is: export)");
            err.print(USAGE);
            return 2;
        }
        Path dir;
        try {
            dir = CommandArgs.path("DIR", args.positional.size() > 1 ? args.positional.get(1) : "templates");
        } catch (Options.UsageException e) {
            err.println(e.getMessage());
            return 2;
        }
        Map<String, byte[]> theme = Theme.files();
        List<Path> existing = new ArrayList<>();
        for (String name : theme.keySet()) {
            Path p = dir.resolve(name);
            if (Files.exists(p) || Files.isSymbolicLink(p)) {
                existing.add(p);
            }
        }
        if (!existing.isEmpty()) {
            for (Path p : existing) {
                err.println("bitext theme export: " + p + " already exists");
            }
            err.println("bitext theme export never overwrites a file, so nothing was written; choose another folder");
            return 2;
        }
        for (Map.Entry<String, byte[]> f : theme.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.toAbsolutePath().getParent());
            Files.write(p, f.getValue(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
        out.println("Wrote the built-in theme (" + Counts.of(theme.size(), "file") + ") into " + dir
                + "; a file there replaces the built-in one of the same name");
        return 0;
    }
}
