package org.wsgi.itest;

import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/** Polls a condition until it holds or a deadline passes: the itests' only way of waiting. */
final class Deadline {

    private Deadline() {
    }

    /**
     * @return the first value that satisfies {@code until}
     * @throws AssertionError with the last value seen when the deadline passes first
     */
    static <T> T poll(long millis, Callable<T> probe, Predicate<T> until) throws Exception {
        long end = System.nanoTime() + millis * 1_000_000L;
        T last = null;
        Exception lastError = null;
        while (System.nanoTime() < end) {
            try {
                last = probe.call();
                lastError = null;
                if (until.test(last)) {
                    return last;
                }
            } catch (Exception e) {
                lastError = e;
            }
            LockSupport.parkNanos(20_000_000L);
        }
        AssertionError failure = new AssertionError("condition not met within " + millis + " ms; last value: " + last);
        if (lastError != null) {
            failure.initCause(lastError);
        }
        throw failure;
    }
}
