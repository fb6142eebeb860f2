package org.wsgi.router.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ResponseBodyTest {

    /** A container stream that, like Jetty's HttpOutput, also takes ByteBuffers; it records how it was written. */
    public static final class BufferStream extends ByteArrayOutputStream {
        final List<String> calls = new ArrayList<>();
        boolean fail;
        ByteBuffer last;

        public void write(ByteBuffer b) throws IOException {
            last = b;
            if (fail) {
                throw new IOException("connection reset");
            }
            calls.add(b.isDirect() ? "direct " + b.remaining() : "heap " + b.remaining());
            byte[] copy = new byte[b.remaining()];
            b.get(copy);
            super.write(copy, 0, copy.length);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            calls.add("array " + len);
            super.write(b, off, len);
        }
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void largeWritesGoAsDirectBuffersInBufferSizedSlices() throws IOException {
        BufferStream out = new BufferStream();
        ResponseBody body = new ResponseBody(out, new DirectWrites(2));
        byte[] big = bytes(150_000);
        body.write(big, 0, big.length);
        assertEquals(List.of("direct 65536", "direct 65536", "direct 18928"), out.calls);
        assertArrayEquals(big, out.toByteArray());
    }

    @Test
    void smallWritesGoToTheStreamAsTheyAre() throws IOException {
        BufferStream out = new BufferStream();
        ResponseBody body = new ResponseBody(out, new DirectWrites(2));
        byte[] small = bytes(100);
        body.write(small, 10, 50);
        assertEquals(List.of("array 50"), out.calls);
        assertEquals(50, out.size());
    }

    @Test
    void aStreamWithoutByteBufferWritesGetsArrays() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResponseBody body = new ResponseBody(out, new DirectWrites(2));
        byte[] big = bytes(70_000);
        body.write(big, 0, big.length);
        assertArrayEquals(big, out.toByteArray());
    }

    @Test
    void theBufferGoesBackToThePoolWhenTheResponseIsOver() throws IOException {
        DirectWrites pool = new DirectWrites(2);
        BufferStream out = new BufferStream();
        ResponseBody body = new ResponseBody(out, pool);
        body.write(bytes(20_000), 0, 20_000);
        body.write(bytes(30_000), 0, 30_000);
        assertNotSame(out.last, pool.borrow(), "held by the response until it is over");
        body.release();
        assertSame(out.last, pool.borrow());
    }

    @Test
    void aFailedWriteDoesNotPoolItsBuffer() {
        DirectWrites pool = new DirectWrites(2);
        BufferStream out = new BufferStream();
        out.fail = true;
        ResponseBody body = new ResponseBody(out, pool);
        assertThrows(IOException.class, () -> body.write(bytes(20_000), 0, 20_000));
        body.release();
        assertNotSame(out.last, pool.borrow());
    }
}
