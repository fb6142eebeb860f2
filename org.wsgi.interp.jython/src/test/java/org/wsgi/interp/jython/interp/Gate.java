package org.wsgi.interp.jython.interp;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Lets a test hold a Python request inside the application: the app calls {@code Gate.arrive()}. */
public final class Gate {

    public static final AtomicReference<CountDownLatch> ARRIVED = new AtomicReference<>();
    public static final AtomicReference<CountDownLatch> RELEASE = new AtomicReference<>();

    private Gate() {
    }

    public static void reset() {
        ARRIVED.set(new CountDownLatch(1));
        RELEASE.set(new CountDownLatch(1));
    }

    /** Signals arrival, then waits for the test to release the request. */
    public static void arrive() throws InterruptedException {
        ARRIVED.get().countDown();
        if (!RELEASE.get().await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never released the request");
        }
    }
}
