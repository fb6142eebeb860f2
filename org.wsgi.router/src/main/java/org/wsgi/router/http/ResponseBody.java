package org.wsgi.router.http;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;

/**
 * The body stream of one response: small writes go to the container's stream as they are, large ones through a
 * direct buffer borrowed from {@link DirectWrites} for the rest of the response and given back by {@link #release}.
 * Used by the request's thread only.
 */
final class ResponseBody extends OutputStream {

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
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len < DirectWrites.THRESHOLD || writer == null) {
            out.write(b, off, len);
            return;
        }
        if (buffer == null) {
            buffer = direct.borrow();
        }
        try {
            DirectWrites.write(writer, out, buffer, b, off, len);
        } catch (IOException e) {
            buffer = null; // a failed write may leave the container holding it: not pooled again
            throw e;
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** The response is over: the container holds no reference to the buffer any more. */
    void release() {
        if (buffer != null) {
            direct.giveBack(buffer);
            buffer = null;
        }
    }
}
