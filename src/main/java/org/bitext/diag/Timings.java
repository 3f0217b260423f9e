package org.bitext.diag;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Stage times of one run, printed to standard error as the JVM exits when it runs with
 * {@code -Dbitext.timings=true} (for BENCHMARKS.md: where a cold build's time goes). Marks are only
 * collected while the build runs, so printing does not slow the stage after it. Off, a mark costs a
 * field read.
 */
public final class Timings {
    private static final boolean ON = Boolean.getBoolean("bitext.timings");
    private static final List<Mark> MARKS = new ArrayList<>();

    private record Mark(long nanos, String stage) {
    }

    static {
        if (ON) {
            Runtime.getRuntime().addShutdownHook(new Thread(Timings::print, "bitext-timings"));
        }
    }

    private Timings() {
    }

    /** Notes that {@code stage} has just ended. */
    public static void mark(String stage) {
        if (ON) {
            synchronized (MARKS) {
                MARKS.add(new Mark(System.nanoTime(), stage));
            }
        }
    }

    private static void print() {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        // nanoTime has no epoch: place the marks on the wall clock through one reading of both now
        long offset = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
        long previous = jvmStart * 1_000_000L - offset;
        synchronized (MARKS) {
            for (Mark m : MARKS) {
                long t = m.nanos();
                System.err.printf(Locale.ROOT, "bitext timings: %6.0f ms since JVM start, %6.1f ms %s%n",
                        (t + offset - jvmStart * 1_000_000L) / 1e6, (t - previous) / 1e6, m.stage());
                previous = t;
            }
        }
    }
}
