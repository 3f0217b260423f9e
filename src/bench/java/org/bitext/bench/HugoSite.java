package org.bitext.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bitext.Bitext;
import org.bitext.diag.Diagnostics;
import org.bitext.edition.Edition;
import org.bitext.edition.Mark;
import org.bitext.edition.Note;
import org.bitext.edition.Section;
import org.bitext.edition.Speaker;
import org.bitext.edition.Term;
import org.bitext.edition.Topic;
import org.bitext.edition.Turn;

/**
 * Writes a Hugo site with the same content as a Bitext edition, for the benchmark's comparison: one page
 * per section with every turn, one per topic, one per speaker, plus the full transcript, the glossary and
 * the notes. Turns are Markdown (Chinese with glossary links and footnote markers for the notes, the
 * English gloss, topic links); notes are Goldmark footnotes, so Hugo renders Markdown much as Bitext renders
 * its model. The layouts are minimal; the point is the same pages and the same text.
 *
 * <p>Usage: {@code java -cp target/bitext.jar:target/test-classes org.bitext.bench.HugoSite CONTENT OUTDIR}
 */
public final class HugoSite {
    private HugoSite() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: HugoSite CONTENT OUTDIR");
            System.exit(2);
        }
        Edition e = Bitext.load(Path.of(args[0]), false, new Diagnostics());
        Path out = Path.of(args[1]);
        if (Files.exists(out)) {
            org.bitext.output.Publisher.deleteTree(out);
        }
        write(e, out);
        System.out.println("HugoSite: " + e.turnCount() + " turns into " + out);
    }

    static void write(Edition e, Path out) throws IOException {
        Files.createDirectories(out.resolve("layouts/_default"));
        Files.createDirectories(out.resolve("content"));
        str(out.resolve("config.toml"), """
                baseURL = "%s"
                title = "%s"
                disableKinds = ["taxonomy", "term", "RSS"]
                relativeURLs = true
                [markup.goldmark.renderer]
                unsafe = false
                """.formatted(e.meta().baseUrl() == null ? "https://example.org/" : e.meta().baseUrl(),
                e.meta().title().en().replace("\"", "'")));
        str(out.resolve("layouts/_default/baseof.html"), """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title>
                <link rel="stylesheet" href="{{ "bitext.css" | relURL }}"></head>
                <body><header><a href="{{ "" | relURL }}">{{ .Site.Title }}</a>
                <nav><a href="{{ "transcript/" | relURL }}">Full transcript</a> <a href="{{ "topics/" | relURL }}">Topics</a>
                <a href="{{ "glossary/" | relURL }}">Glossary</a> <a href="{{ "notes/" | relURL }}">Notes</a></nav></header>
                <main>{{ block "main" . }}{{ end }}</main></body></html>
                """);
        str(out.resolve("layouts/_default/single.html"), """
                {{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}
                """);
        str(out.resolve("layouts/_default/list.html"), """
                {{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}
                <ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
                """);
        str(out.resolve("layouts/index.html"), """
                {{ define "main" }}<h1>{{ .Site.Title }}</h1>{{ .Content }}
                <ul>{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
                """);

        Map<String, Speaker> speakers = new LinkedHashMap<>();
        e.speakers().forEach(s -> speakers.put(s.id(), s));
        Map<String, Term> terms = new HashMap<>();
        e.glossary().forEach(t -> terms.put(t.id(), t));
        Map<String, Topic> topics = new LinkedHashMap<>();
        e.topics().forEach(t -> topics.put(t.id(), t));
        Map<String, Turn> turns = new HashMap<>();
        Map<String, List<Turn>> bySpeaker = new LinkedHashMap<>();
        for (Section s : e.sections()) {
            for (Turn t : s.turns()) {
                turns.put(t.id(), t);
                bySpeaker.computeIfAbsent(t.speaker(), k -> new ArrayList<>()).add(t);
            }
        }

        str(out.resolve("content/_index.md"), "---\ntitle: \"" + e.meta().title().en().replace("\"", "'") + "\"\n---\n\n"
                + (e.meta().introduction() == null ? "" : e.meta().introduction().en()) + "\n");
        Files.createDirectories(out.resolve("content/sections"));
        str(out.resolve("content/sections/_index.md"), "---\ntitle: Sections\n---\n");
        int weight = 0;
        for (Section s : e.pages()) {
            try (BufferedWriter w = open(out.resolve("content/sections/" + s.id() + ".md"))) {
                front(w, s.title().en() != null ? s.title().en() : s.title().zh(), ++weight);
                for (Turn t : s.turns()) {
                    turn(w, t, speakers, terms, topics, e.notes());
                }
            }
        }
        try (BufferedWriter w = open(out.resolve("content/transcript.md"))) {
            front(w, "Full transcript", 0);
            for (Section s : e.pages()) {
                w.write("## " + s.title().zh() + " " + (s.title().en() == null ? "" : s.title().en()) + "\n\n");
                for (Turn t : s.turns()) {
                    turn(w, t, speakers, terms, topics, e.notes());
                }
            }
        }
        Files.createDirectories(out.resolve("content/topics"));
        str(out.resolve("content/topics/_index.md"), "---\ntitle: Topics\n---\n");
        for (Topic tp : e.topics()) {
            try (BufferedWriter w = open(out.resolve("content/topics/" + tp.id() + ".md"))) {
                front(w, tp.name().en() + " " + tp.name().zh(), 0);
                for (String id : tp.turns()) {
                    turn(w, turns.get(id), speakers, terms, topics, e.notes());
                }
            }
        }
        Files.createDirectories(out.resolve("content/speakers"));
        str(out.resolve("content/speakers/_index.md"), "---\ntitle: Speakers\n---\n");
        for (Speaker sp : e.speakers()) {
            try (BufferedWriter w = open(out.resolve("content/speakers/" + sp.id() + ".md"))) {
                front(w, sp.name().en(), 0);
                for (Turn t : bySpeaker.getOrDefault(sp.id(), List.of())) {
                    turn(w, t, speakers, terms, topics, e.notes());
                }
            }
        }
        try (BufferedWriter w = open(out.resolve("content/glossary.md"))) {
            front(w, "Glossary", 0);
            for (Term t : e.glossary()) {
                w.write("- <span id=\"" + t.id() + "\"></span>**" + t.zh() + "** " + t.pinyin() + " — " + t.en() + "\n");
            }
        }
        try (BufferedWriter w = open(out.resolve("content/notes.md"))) {
            front(w, "Notes", 0);
            for (Note n : e.notes().values()) {
                w.write("- **" + label(n) + "** «" + n.quote() + "» " + n.markdown().replace("\n", " ").replace(
                        "glossary.html#", "/glossary/#") + "\n");
            }
        }
    }

    private static void turn(BufferedWriter w, Turn t, Map<String, Speaker> speakers, Map<String, Term> terms,
            Map<String, Topic> topics, Map<String, Note> notes) throws IOException {
        Speaker sp = speakers.get(t.speaker());
        w.write("### " + (sp == null ? "" : sp.name().zh() + " " + sp.name().en()) + " {#" + t.id() + "}\n\n");
        // Chinese with glossary links; a footnote marker after each noted phrase
        StringBuilder zh = new StringBuilder();
        int at = 0;
        List<Mark> ns = t.notes();
        int ni = 0;
        for (Mark m : t.terms()) {
            while (ni < ns.size() && ns.get(ni).end() <= m.start()) {
                zh.append(esc(t.zh().substring(at, ns.get(ni).end()))).append("[^").append(ns.get(ni).id()).append(']');
                at = ns.get(ni).end();
                ni++;
            }
            if (m.start() < at) {
                continue;
            }
            Term term = terms.get(m.id());
            zh.append(esc(t.zh().substring(at, m.start()))).append('[').append(esc(t.zh().substring(m.start(), m.end())))
                    .append("](/glossary/#").append(m.id()).append(" \"").append(term.pinyin()).append(" · ")
                    .append(term.en()).append("\")");
            at = m.end();
        }
        while (ni < ns.size()) {
            int end = Math.max(at, ns.get(ni).end());
            zh.append(esc(t.zh().substring(at, end))).append("[^").append(ns.get(ni).id()).append(']');
            at = end;
            ni++;
        }
        zh.append(esc(t.zh().substring(at)));
        w.write(zh + "\n\n");
        w.write((t.pending() ? "*Translation pending.*" : esc(t.en())) + "\n\n");
        if (!t.topics().isEmpty()) {
            StringBuilder tags = new StringBuilder("Topics:");
            for (String id : t.topics()) {
                tags.append(" [").append(topics.get(id).name().en()).append("](/topics/").append(id).append("/)");
            }
            w.write(tags + "\n\n");
        }
        for (Mark m : ns) {
            Note n = notes.get(m.id());
            w.write("[^" + n.id() + "]: *" + label(n) + ".* " + n.markdown().strip().replace("\n", " ")
                    .replace("glossary.html#", "/glossary/#") + "\n\n");
        }
    }

    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("[", "\\[").replace("<", "&lt;");
    }

    private static void front(BufferedWriter w, String title, int weight) throws IOException {
        w.write("---\ntitle: \"" + title.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n"
                + (weight > 0 ? "weight: " + weight + "\n" : "") + "---\n\n");
    }

    private static BufferedWriter open(Path p) throws IOException {
        return Files.newBufferedWriter(p, StandardCharsets.UTF_8);
    }

    private static void str(Path p, String s) throws IOException {
        Files.writeString(p, s, StandardCharsets.UTF_8);
    }

    /** A note kind's English label as the site shows it: its id, capitalised. */
    private static String label(Note n) {
        String id = n.kind().id();
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }
}
