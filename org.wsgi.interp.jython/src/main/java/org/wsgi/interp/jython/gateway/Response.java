package org.wsgi.interp.jython.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.python.core.Py;
import org.wsgi.api.exec.WsgiExchange;

/**
 * The Java side of one WSGI response: what {@code start_response} set, and the bytes sent so far. Headers go out
 * just before the first non-empty chunk, or when the application finishes with an empty body (then with
 * {@code Content-Length: 0}, as Apache sends it, except for 1xx, 204, 304 and a HEAD). A {@code Content-Length} is honoured
 * by truncating what goes beyond it, as mod_wsgi does; a body that ends short of it is logged.
 */
final class Response {

    private final WsgiExchange exchange;
    private String status;
    private List<Map.Entry<String, String>> headers;
    private long contentLength = -1;
    private long written;
    private OutputStream body;
    private final ThreadLocal<byte[]> scratch;
    private final boolean head;
    /** Body bytes were written since the last {@link #flush()}. */
    private boolean unflushed;

    /**
     * The largest slice of a body chunk copied and written at once: small enough that the copy stays in the core's
     * first-level cache on its way to the container's buffer (a 64 KiB one, new for each response, cost the 1 MiB
     * benchmark ~25 us more per request in copies, zeroing and GC: BENCHMARKS.md "Session 6").
     */
    static final int BUFFER = 16 * 1024;
    /** How much of a file {@link #sendFile} reads and hands to the container at once. */
    private static final int CHUNK = 256 * 1024;

    /**
     * {@code scratch}: each thread's {@link #BUFFER}-byte copy buffer, kept by the gateway across requests;
     * {@code head}: the request is a HEAD, whose empty body says nothing of the length (no {@code Content-Length: 0}).
     */
    Response(WsgiExchange exchange, ThreadLocal<byte[]> scratch, boolean head) {
        this.exchange = exchange;
        this.scratch = scratch;
        this.head = head;
    }

    boolean started() {
        return status != null;
    }

    boolean headersSent() {
        return exchange.headersSent();
    }

    void start(String status, List<Map.Entry<String, String>> headers, long contentLength) {
        this.status = status;
        this.headers = headers;
        this.contentLength = contentLength;
    }

    long contentLength() {
        return contentLength;
    }

    /**
     * Sets a Content-Length for a body known in full before anything is sent (a file sent by
     * {@code wsgi.file_wrapper}), unless the application gave one or headers went out already.
     */
    void knownLength(long length) {
        if (status != null && contentLength < 0 && !headersSent()) {
            headers = new ArrayList<>(headers);
            headers.add(Map.entry("Content-Length", Long.toString(length)));
            contentLength = length;
        }
    }

    /** Whether the application declared more body than it produced (the response ends truncated). */
    boolean shortOfContentLength() {
        return contentLength >= 0 && written < contentLength;
    }

    long written() {
        return written;
    }

    /**
     * Writes a byte string (one char per byte, as a {@code PyString} holds it) through the thread's scratch buffer,
     * at most {@link #BUFFER} bytes at a time: a body makes no garbage. The container has taken the bytes when its
     * {@code write} returns (it copies or sends them), so the buffer is free again for the next slice.
     */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) is the Latin-1 copy we want
    void write(String bytes) throws IOException {
        requireStarted();
        int length = bytes.length();
        if (length == 0) {
            return;
        }
        sendHeaders();
        int n = contentLength < 0 ? length : (int) Math.min(length, contentLength - written);
        byte[] buffer = scratch.get();
        for (int off = 0; off < n;) {
            int len = Math.min(n - off, buffer.length);
            bytes.getBytes(off, off + len, buffer, 0);
            body.write(buffer, 0, len);
            off += len;
            written += len;
        }
        unflushed |= n > 0;
    }

    /**
     * Pushes what was written since the last flush to the client now. PEP 3333: a block the application produced
     * must not wait in a buffer while the application produces the next one (mod_wsgi flushes every non-empty
     * block).
     */
    void flush() throws IOException {
        if (unflushed) {
            unflushed = false;
            body.flush();
        }
    }

    /** Sends {@code file} from {@code position} to its end (or to the Content-Length) without Python in the loop. */
    void sendFile(FileChannel file, long position) throws IOException {
        requireStarted();
        long count = file.size() - position;
        if (contentLength >= 0) {
            count = Math.min(count, contentLength - written);
        }
        if (count <= 0) {
            return;
        }
        sendHeaders();
        body.flush();
        long sent = 0;
        if (body instanceof WritableByteChannel channel) {
            // Large reads handed to the container whole (not 8 KiB copies). Not mapped: a mapping lives until the
            // collector finds it, pinning a deleted file's space and the process's map count meanwhile.
            ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(CHUNK, count));
            while (sent < count) {
                chunk.clear().limit((int) Math.min(chunk.capacity(), count - sent));
                int n = file.read(chunk, position + sent);
                if (n < 0) {
                    break;
                }
                chunk.flip();
                while (chunk.hasRemaining()) {
                    channel.write(chunk);
                }
                sent += n;
            }
        } else {
            var target = Channels.newChannel(body);
            while (sent < count) {
                long n = file.transferTo(position + sent, count - sent, target);
                if (n <= 0) {
                    break;
                }
                sent += n;
            }
        }
        written += sent;
    }

    /** The application is done: sends the headers of an empty body and flushes. */
    void finish() throws IOException {
        requireStarted();
        if (!headersSent() && written == 0 && bodyAllowed() && !head) {
            knownLength(0);
        }
        sendHeaders();
        if (body != null) {
            body.flush();
        }
    }

    private boolean bodyAllowed() {
        return !(status.startsWith("1") || status.startsWith("204") || status.startsWith("304"));
    }

    private void requireStarted() {
        if (status == null) {
            throw Py.RuntimeError("response has not been started");
        }
    }

    private void sendHeaders() throws IOException {
        if (!exchange.headersSent()) {
            exchange.sendHeaders(status, List.copyOf(headers), contentLength);
        }
        if (body == null) {
            body = exchange.body();
        }
    }
}
