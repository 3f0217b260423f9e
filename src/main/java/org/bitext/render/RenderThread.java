package org.bitext.render;

import freemarker.core.Environment;
import freemarker.core.TemplateElement;
import freemarker.core._CoreAPI;

/**
 * A thread that renders pages and stops a template that runs too long or nests too deep. FreeMarker
 * can put a check of {@link Thread#isInterrupted} into every loop and macro of a template
 * ({@code _CoreAPI.addThreadInterruptedChecks}); this thread answers that check itself, on the
 * rendering thread, so it can note where the template was when it stopped it. A macro that calls
 * itself without end is stopped at {@link #MAX_DEPTH} long before the thread's stack runs out.
 */
final class RenderThread extends Thread {
    /** Nested template instructions (a macro call, its #if, its #list…) allowed at once. */
    static final int MAX_DEPTH = 1000;
    /** Room for MAX_DEPTH instructions with ample margin; only the part used is ever committed. */
    private static final long STACK_BYTES = 64L << 20;

    /** Why and where the current render was stopped, or null. */
    record Stop(String why, String template, int line, int column) {
    }

    private long start;
    private long limit = Long.MAX_VALUE;
    private int checks;
    private Stop stopped;

    RenderThread(Runnable work, String name) {
        super(null, work, name, STACK_BYTES);
        setDaemon(true); // a build that fails exits without waiting for a hung template
    }

    /** Starts timing a render of at most {@code nanos}. */
    void begin(long nanos) {
        start = System.nanoTime();
        limit = nanos;
        stopped = null;
        checks = 0;
    }

    /** Between renders: nothing is timed or stopped. */
    void idle() {
        begin(Long.MAX_VALUE);
    }

    /** What stopped the last render, or null. */
    Stop stopped() {
        return stopped;
    }

    @Override
    public boolean isInterrupted() {
        if (stopped != null) {
            return true;
        }
        if (currentThread() != this) {
            return super.isInterrupted();
        }
        boolean late = System.nanoTime() - start > limit;
        if (late || (++checks & 31) == 0) { // the instruction stack is copied to be looked at: not on every check
            Environment env = Environment.getCurrentEnvironment();
            if (env != null) {
                TemplateElement[] stack = _CoreAPI.getInstructionStackSnapshot(env);
                if (late || stack.length > MAX_DEPTH) {
                    TemplateElement at = stack.length > 1 ? stack[1] : stack[0]; // [0] is the check itself
                    stopped = new Stop(late ? "time" : "depth", at.getTemplate().getSourceName(), at.getBeginLine(),
                            at.getBeginColumn());
                    return true;
                }
            }
        }
        return super.isInterrupted();
    }
}
