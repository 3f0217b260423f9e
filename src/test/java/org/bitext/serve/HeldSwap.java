package org.bitext.serve;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bitext.Bitext;
import org.bitext.Incremental;

/**
 * Builds as {@code serve} does, except that every rebuild after the first stops just before it swaps its
 * site in, until the test releases it (tests of what is served while a rebuild is under way).
 */
final class HeldSwap implements DevServer.Builder {
    private final CountDownLatch waiting = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private int builds;

    @Override
    public Bitext.Result build(Bitext.Options options, org.bitext.diag.Diagnostics diags, BuildSession session)
            throws org.bitext.diag.BuildFailure, java.io.IOException {
        if (builds++ == 0) {
            return Bitext.build(options, diags, session);
        }
        Incremental held = (Incremental) Proxy.newProxyInstance(Incremental.class.getClassLoader(),
                new Class<?>[] {Incremental.class}, (proxy, method, args) -> {
                    if (method.getName().equals("publish")) {
                        waiting.countDown();
                        release.await(Preview.WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    }
                    try {
                        return method.invoke(session, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return Bitext.build(options, diags, held);
    }

    /** Waits until a rebuild stops before its swap; false if none does within {@link Preview#WAIT}. */
    boolean awaitSwap() throws InterruptedException {
        return waiting.await(Preview.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets the rebuild (and every later one) swap its site in. */
    void release() {
        release.countDown();
    }
}
