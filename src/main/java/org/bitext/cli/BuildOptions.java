package org.bitext.cli;

import java.nio.file.Path;
import org.bitext.Bitext;
import picocli.CommandLine.Option;

/** Options shared by build, check and serve. */
final class BuildOptions {
    @Option(names = "--content", paramLabel = "DIR", description = "content folder (default: ${DEFAULT-VALUE})", defaultValue = "content")
    Path content;

    @Option(names = "--templates", paramLabel = "DIR", description = "templates folder (default: ${DEFAULT-VALUE})", defaultValue = "templates")
    Path templates;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: ${DEFAULT-VALUE})", defaultValue = "site")
    Path out;

    @Option(names = "--strict", description = "treat warnings (pending translations, turns without topic, unused glossary terms) as errors")
    boolean strict;

    @Option(names = "--verbose", description = "show stack traces of internal errors")
    boolean verbose;

    Bitext.Options toOptions() {
        return new Bitext.Options(content, templates, out, strict);
    }
}
