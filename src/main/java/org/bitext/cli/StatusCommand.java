package org.bitext.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bitext.Bitext;
import org.bitext.diag.BuildFailure;
import org.bitext.diag.Diagnostics;
import org.bitext.edition.Edition;
import org.bitext.edition.Section;
import org.bitext.edition.Speaker;
import org.bitext.edition.Turn;
import org.bitext.text.Texts;

/**
 * {@code bitext status}: how far the edition has come, section by section (turns glossed and to do,
 * notes, glossary terms, topic coverage), then every turn as parsed with the speaker it was given, the
 * quickest way to audit attribution. Reads like check; writes nothing.
 */
final class StatusCommand {
    static final String USAGE = """
            Usage: bitext status [-h] [--content=DIR]
            Show, per section, the turns glossed and still to do, notes, glossary terms and topic
            coverage, then every turn with the speaker Bitext gave it. Writes nothing.
                  --content=DIR     content folder (default: content)
              -h, --help            Show this help message and exit.
            """;

    private StatusCommand() {
    }

    static int run(StartCommands.Args args, PrintWriter out, PrintWriter err) {
        Path content = StartCommands.path("--content", args.values().getOrDefault("--content", "content"), err, USAGE);
        if (content == null) {
            return 2;
        }
        Diagnostics diags = new Diagnostics();
        Edition edition;
        try {
            edition = Bitext.load(content, false, diags);
        } catch (BuildFailure e) {
            Reporter.print(diags, err);
            return 1;
        }
        print(edition, out);
        int warnings = diags.warnings().size();
        if (warnings > 0) {
            out.println();
            out.println("'bitext check' lists " + Reporter.count(warnings, "warning") + ".");
        }
        return 0;
    }

    static void print(Edition edition, PrintWriter out) {
        Map<String, Speaker> speakers = edition.speakers().stream().collect(Collectors.toMap(Speaker::id, s -> s));
        int turns = edition.turnCount();
        long pending = edition.sections().stream().flatMap(s -> s.turns().stream()).filter(Turn::pending).count();
        out.println(edition.meta().title().en() + ": " + Reporter.count(edition.pages().size(), "section") + ", " + Reporter.count(turns, "turn") + " ("
                + (turns - pending) + " glossed, " + pending + " to do), " + Reporter.count(edition.notes().size(), "note") + ", "
                + Reporter.count(edition.glossary().size(), "glossary term") + ", " + Reporter.count(edition.topics().size(), "topic"));
        out.println();
        for (Section s : edition.sections()) {
            String heading = s.title().zh() == null || s.title().zh().isEmpty() ? "(before the first heading)" : s.title().zh();
            String en = s.title().en() == null || s.title().en().isBlank() || s.title().en().equals(s.title().zh())
                    ? "" : " / " + s.title().en();
            if (s.part()) {
                out.println(s.id() + "  " + heading + en + "  (part title)");
                continue;
            }
            int glossed = 0;
            int spoken = 0;
            int inTopic = 0;
            Set<String> notes = new LinkedHashSet<>(s.notes());
            Set<String> terms = new LinkedHashSet<>();
            for (Turn t : s.turns()) {
                glossed += t.pending() ? 0 : 1;
                Speaker sp = t.speaker() == null ? null : speakers.get(t.speaker());
                if (sp != null && !sp.narrator()) {
                    spoken++;
                    inTopic += t.topics().isEmpty() ? 0 : 1;
                }
                t.notes().forEach(m -> notes.add(m.id()));
                t.terms().forEach(m -> terms.add(m.id()));
            }
            int n = s.turns().size();
            out.println(s.id() + "  " + heading + en);
            out.println("  " + Reporter.count(n, "turn") + ": " + glossed + " glossed, " + (n - glossed) + " to do; "
                    + Reporter.count(notes.size(), "note") + "; " + Reporter.count(terms.size(), "term") + "; "
                    + (spoken == 0 ? "no interview turn" : inTopic + " of " + Reporter.count(spoken, "interview turn") + " in a topic"));
        }
        out.println();
        out.println("Turns, with the speaker each was given (* reassigned from the source's speaker):");
        for (Section s : edition.sections()) {
            for (Turn t : s.turns()) {
                String who = t.speaker() == null ? "(none)" : t.speaker();
                boolean moved = t.speaker() != null && !t.speaker().equals(t.sourceSpeaker());
                String where = Path.of(t.position().file()).getFileName() + ":" + t.position().line();
                out.println("  %-18s %-12s".formatted(where, who + (moved ? "*" : ""))
                        + (t.pending() ? " to do   " : " glossed ") + Texts.clip(t.zh(), 30)
                        + (moved ? "  (source: " + (t.sourceSpeaker() == null ? "none" : t.sourceSpeaker()) + ")" : ""));
            }
        }
        out.flush();
    }
}
