package org.bitext.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bitext.Bitext;
import org.bitext.diag.BuildFailure;
import org.bitext.diag.Diagnostics;
import org.bitext.edition.Edition;
import org.bitext.serve.BuildSession;
import org.bitext.output.Publisher;
import org.bitext.SiteRenderer;

/**
 * In-process measurements, run by {@code bench/run.sh} (never by {@code mvn verify}).
 *
 * <ul>
 *   <li>{@code warm CONTENT TEMPLATES OUT [N]}: copies the content, builds once, then N times edits one
 *       note's text and calls {@link Bitext#build} again in the same JVM with the same kept
 *       {@link BuildSession} — what {@code serve} does after a save. Prints every time and the median.</li>
 *   <li>{@code stages CONTENT TEMPLATES OUT [N]}: the same rebuilds, with each stage (load+annotate,
 *       render and link check into the staging folder, publish) timed separately; prints the median of
 *       each.</li>
 * </ul>
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: Bench warm|stages CONTENT TEMPLATES OUT [N]");
            System.exit(2);
        }
        Path content = Path.of(args[1]);
        Path templates = Path.of(args[2]);
        Path out = Path.of(args[3]);
        int n = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        switch (args[0]) {
            case "warm" -> warm(content, templates, out, n);
            case "stages" -> stages(content, templates, out, n);
            default -> {
                System.err.println("unknown mode " + args[0]);
                System.exit(2);
            }
        }
    }

    private static final Pattern NOTE_TEXT = Pattern.compile("(?m)^(\\s+text:\\s*)(.*)$");

    /** A copy of an edition whose first note's text can be edited again and again, as an editor would. */
    private static final class NoteEdit {
        final Path work;
        private final Path yamlFile;
        private final String yaml;
        private final Matcher m;
        private final int lineStart;
        private final String original;
        private final boolean inline;

        NoteEdit(Path content) throws IOException {
            work = Files.createTempDirectory("bitext-warm-");
            Files.copy(content.resolve(Bitext.TRANSCRIPT), work.resolve(Bitext.TRANSCRIPT));
            yamlFile = work.resolve(Bitext.EDITION);
            yaml = Files.readString(content.resolve(Bitext.EDITION), StandardCharsets.UTF_8);
            Files.writeString(yamlFile, yaml, StandardCharsets.UTF_8);
            // the note to edit: the first 'text:' under notes:
            int notesAt = yaml.indexOf("\nnotes:");
            m = NOTE_TEXT.matcher(yaml);
            if (notesAt < 0 || !m.find(notesAt)) {
                throw new IllegalArgumentException("no note text found in " + content);
            }
            lineStart = m.start(2);
            original = m.group(2);
            inline = !original.isBlank() && !original.startsWith("|") && !original.startsWith(">");
        }

        /** Saves edition.yaml with edit number i: a sentence added to the note. */
        void apply(int i) throws IOException {
            String edited;
            if (inline) {
                String q = original.startsWith("\"") ? original.substring(0, original.length() - 1) + " Edit " + i + ".\""
                        : original + " Edit " + i + ".";
                edited = yaml.substring(0, lineStart) + q + yaml.substring(lineStart + original.length());
            } else {
                // block scalar: add a sentence to its first content line
                int eol = yaml.indexOf('\n', m.end() + 1);
                edited = yaml.substring(0, eol) + " Edit " + i + "." + yaml.substring(eol);
            }
            Files.writeString(yamlFile, edited, StandardCharsets.UTF_8);
        }
    }

    static void warm(Path content, Path templates, Path out, int n) throws IOException, BuildFailure {
        NoteEdit edit = new NoteEdit(content);
        Bitext.Options options = new Bitext.Options(edit.work, templates, out, false);
        BuildSession session = BuildSession.kept(null);
        long t0 = System.nanoTime();
        Bitext.build(options, new Diagnostics(), session);
        System.out.printf(Locale.ROOT, "warm: first build in this JVM %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        double[] times = new double[n];
        double[] cpu = new double[n];
        double[] appCpu = new double[n];
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < n; i++) {
            edit.apply(i);
            long cpu0 = os.getProcessCpuTime();
            long app0 = applicationCpu();
            long start = System.nanoTime();
            Bitext.build(options, new Diagnostics(), session);
            times[i] = (System.nanoTime() - start) / 1e6;
            cpu[i] = (os.getProcessCpuTime() - cpu0) / 1e6;
            appCpu[i] = (applicationCpu() - app0) / 1e6;
            System.out.printf(Locale.ROOT, "warm: rebuild %d/%d after a note edit: %.1f ms, CPU %.1f ms (%d pages rendered, %d unchanged)%n",
                    i + 1, n, times[i], cpu[i], session.pagesRendered(), session.pagesReused());
        }
        Publisher.deleteTree(edit.work);
        // CPU time (all threads of the process, JIT and GC included) says how much work a rebuild is even
        // when other processes share the cores and stretch the wall time; "app" leaves out the JIT compiler
        // and GC threads
        // The JIT keeps compiling for hundreds of rebuilds (C2 still works through the code paths that run a
        // few times per build): "late" is the median of the second half, once the code has settled.
        System.out.printf(Locale.ROOT, "RESULT warm_rebuild_median_ms=%.1f late_median_ms=%.1f min_ms=%.1f p10_ms=%.1f p25_ms=%.1f"
                + " p75_ms=%.1f cpu_median_ms=%.1f app_cpu_median_ms=%.1f n=%d%n", median(times),
                median(Arrays.copyOfRange(times, n / 2, n)), Arrays.stream(times).min().orElse(0),
                percentile(times, 10), percentile(times, 25), percentile(times, 75), median(cpu), median(appCpu), n);
    }

    /**
     * The stages of what {@link #warm} times (the steps of {@link Bitext#build} with a kept session, after
     * a note edit), each timed on its own. With {@code -Dbench.heap=true}, a one-off build of the unedited
     * content also prints the live heap with the edition and with its page model.
     */
    static void stages(Path content, Path templates, Path out, int n) throws IOException, BuildFailure {
        String[] names = {"load+annotate", "render+linkcheck", "publish", "total"};
        List<double[]> all = new ArrayList<>();
        Path target = out.toAbsolutePath().normalize();
        if (Boolean.getBoolean("bench.heap")) {
            Edition edition = Bitext.load(content, false, new Diagnostics());
            System.out.printf(Locale.ROOT, "stages: live heap with the edition: %.0f MiB%n", liveMiB());
            Object model = org.bitext.view.SiteViews.of(edition, new org.bitext.render.ViewHtml(new org.bitext.render.Markdown()));
            System.out.printf(Locale.ROOT, "stages: live heap with the edition and its page model: %.0f MiB%n", liveMiB());
            model.hashCode();
        }
        NoteEdit edit = new NoteEdit(content);
        BuildSession session = BuildSession.kept(null);
        Bitext.build(new Bitext.Options(edit.work, templates, out, false), new Diagnostics(), session);
        for (int i = 0; i < n; i++) {
            edit.apply(i);
            double[] t = new double[names.length];
            Diagnostics diags = new Diagnostics();
            long a = System.nanoTime();
            session.begin();
            Edition edition = Bitext.load(edit.work, false, diags);
            long b = System.nanoTime();
            long c;
            try (Publisher publisher = Publisher.open(target)) {
                new SiteRenderer(session.templates(templates), null, diags, session.markdown(), session).render(edition, publisher, target);
                c = System.nanoTime();
                if (diags.hasErrors()) {
                    throw new BuildFailure(diags);
                }
                session.publish(publisher, target);
            }
            long d = System.nanoTime();
            t[0] = (b - a) / 1e6;
            t[1] = (c - b) / 1e6;
            t[2] = (d - c) / 1e6;
            t[3] = (d - a) / 1e6;
            all.add(t);
            StringBuilder sb = new StringBuilder("stages: run " + (i + 1) + "/" + n + ":");
            for (int k = 0; k < names.length; k++) {
                sb.append(String.format(Locale.ROOT, " %s %.1f ms", names[k], t[k]));
            }
            System.out.println(sb);
        }
        Publisher.deleteTree(edit.work);
        StringBuilder sb = new StringBuilder("RESULT stages median (first run excluded when n>1):");
        for (int k = 0; k < names.length; k++) {
            int kk = k;
            double[] col = all.stream().skip(n > 1 ? 1 : 0).mapToDouble(t -> t[kk]).toArray();
            sb.append(String.format(Locale.ROOT, " %s=%.1fms", names[k], median(col)));
        }
        System.out.println(sb);
    }

    /** CPU time of every Java thread of this process (compiler and GC threads are not Java threads). */
    private static long applicationCpu() {
        var threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            sum += Math.max(0, threads.getThreadCpuTime(id)); // -1 for a thread that has ended
        }
        return sum;
    }

    private static double liveMiB() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
    }

    static double percentile(double[] xs, int p) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length == 0 ? 0 : s[Math.min(s.length - 1, (int) Math.floor(p / 100.0 * s.length))];
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length == 0 ? 0 : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
