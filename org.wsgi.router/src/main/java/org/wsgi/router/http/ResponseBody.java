package org.wsgi.router.http;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * The body stream of one response. Small writes go to the container's stream as they are (it aggregates them)
 * until a large one comes: from then on all writes gather in a direct buffer borrowed from {@link DirectWrites} for
 * the rest of the response (the gateway hands a long string over in slices, the last one short), which goes
 * to the socket when it is full or when the body is flushed: a body that the application produced all at once (a
 * list of blocks) leaves in a few large writes, which cost the kernel much less per byte on loopback than 64 KiB
 * ones (BENCHMARKS.md), and a block the application flushes (the gateway flushes every block of a generator) is
 * not held back. As a channel it takes a buffer of any size whole (a file's mapped region from
 * {@code wsgi.file_wrapper}), straight to the container when it takes buffers, after what gathered before. Bytes keep
 * their order. Used by the request's thread only.
 */
final class ResponseBody extends OutputStream implements WritableByteChannel {

    private final OutputStream out;
    private final DirectWrites direct;
    private final MethodHandle writer;
    private ByteBuffer buffer;

    ResponseBody(OutputStream out, DirectWrites direct) {
        this.out = out;
        this.direct = direct;
        this.writer = direct.writer(out);
    }

    @Override
    public void write(int b) throws IOException {
        if (buffer == null) {
            out.write(b);
            return;
        }
        buffer.put((byte) b);
        if (!buffer.hasRemaining()) {
            drain();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (buffer == null) {
            if (len < DirectWrites.THRESHOLD || writer == null) {
                out.write(b, off, len);
                return;
            }
            buffer = direct.borrow();
        }
        put(b, off, len);
    }

    private void put(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, buffer.remaining());
            buffer.put(b, off, n);
            off += n;
            len -= n;
            if (!buffer.hasRemaining()) {
                drain();
            }
        }
    }

    /** Writes all of {@code src}, after anything gathered: the container sends a direct buffer without a copy. */
    @Override
    public int write(ByteBuffer src) throws IOException {
        int n = src.remaining();
        drain();
        if (writer != null) {
            DirectWrites.write(writer, out, src);
        } else {
            byte[] chunk = new byte[Math.min(n, DirectWrites.BUFFER_SIZE)];
            while (src.hasRemaining()) {
                int len = Math.min(chunk.length, src.remaining());
                src.get(chunk, 0, len);
                out.write(chunk, 0, len);
            }
        }
        return n;
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        drain();
        out.close();
    }

    /** Writes what has gathered in the buffer. */
    private void drain() throws IOException {
        if (buffer == null || buffer.position() == 0) {
            return;
        }
        buffer.flip();
        try {
            DirectWrites.write(writer, out, buffer);
        } catch (IOException | RuntimeException | Error e) {
            buffer = null; // a failed write may leave the container holding it: not pooled again
            throw e;
        }
        buffer.clear();
    }

    /**
     * The response is over: what gathered and was not flushed (the application failed part-way through a list)
     * still goes out, as the blocks before a failure do under mod_wsgi; then the buffer goes back to the pool, the
     * container holding no reference to it any more.
     */
    void release() {
        try {
            drain();
        } catch (IOException | RuntimeException e) {
            // the client is gone or the response is closed: nothing left to deliver
        }
        if (buffer != null) {
            direct.giveBack(buffer);
            buffer = null;
        }
    }
}
