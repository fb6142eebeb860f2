package org.wsgi.router.http;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;

/**
 * Large body writes handed to the servlet container as direct buffers. A {@code byte[]} written to a socket is
 * copied by the JDK into a temporary direct buffer (after a thread-local lookup) on every attempt, and on that
 * path each {@code writev} returned after 16-24 KiB, so a 64 KiB chunk was copied about twice; from a direct
 * buffer it leaves in one {@code writev} (strace, BENCHMARKS.md "Session 3"). A container stream with a {@code write(ByteBuffer)} method (Servlet 6.1, and Jetty's {@code HttpOutput}
 * before it) takes a direct buffer to the socket as it is. Buffers come from a bounded pool owned by this object.
 * Thread-safe: the pool is a concurrent deque (used as a stack) and the method cache a {@link ClassValue}.
 */
final class DirectWrites {

    /** Writes smaller than this go through the stream as they are: the container aggregates them. */
    static final int THRESHOLD = 8 * 1024;
    /** 256 KiB: a loopback socket costs the sender ~30 % less CPU per byte than with 64 KiB writes (BENCHMARKS.md). */
    static final int BUFFER_SIZE = 256 * 1024;

    private final BlockingDeque<ByteBuffer> pool;
    private final ClassValue<Optional<MethodHandle>> writers = new ClassValue<>() {
        @Override
        protected Optional<MethodHandle> computeValue(Class<?> type) {
            try {
                MethodHandle h = MethodHandles.publicLookup().findVirtual(type, "write",
                        MethodType.methodType(void.class, ByteBuffer.class));
                return Optional.of(h.asType(MethodType.methodType(void.class, OutputStream.class, ByteBuffer.class)));
            } catch (NoSuchMethodException | IllegalAccessException e) {
                return Optional.empty();
            }
        }
    };

    /** At most {@code pooled} buffers are kept between responses; more are made when needed and dropped after. */
    DirectWrites(int pooled) {
        this.pool = new LinkedBlockingDeque<>(pooled);
    }

    /** The stream's {@code write(ByteBuffer)}, or {@code null} when it has none. */
    MethodHandle writer(OutputStream out) {
        return writers.get(out.getClass()).orElse(null);
    }

    /** The buffer given back last, the one most likely still in a cache; a new one when none is pooled. */
    ByteBuffer borrow() {
        ByteBuffer b = pool.pollFirst();
        return b != null ? b : ByteBuffer.allocateDirect(BUFFER_SIZE);
    }

    void giveBack(ByteBuffer b) {
        b.clear();
        pool.offerFirst(b);
    }

    /** Writes {@code buffer} (flipped) with {@code writer}, the container stream's {@code write(ByteBuffer)}. */
    static void write(MethodHandle writer, OutputStream out, ByteBuffer buffer) throws IOException {
        try {
            writer.invokeExact(out, buffer);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException(e);
        }
    }
}
