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
import java.util.Arrays;
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
        public synchronized void write(int b) {
            calls.add("byte");
            super.write(b);
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
    void aBufferGoesToTheContainerWholeAfterWhatGatheredBefore() throws IOException {
        BufferStream out = new BufferStream();
        ResponseBody body = new ResponseBody(out, new DirectWrites(2));
        byte[] head = bytes(20_000);
        body.write(head, 0, head.length);
        ByteBuffer file = ByteBuffer.allocateDirect(3_000_000);
        byte[] content = bytes(3_000_000);
        file.put(content).flip();
        assertEquals(3_000_000, body.write(file));
        body.flush();
        assertEquals(List.of("direct 20000", "direct 3000000"), out.calls, "no copy of the file's buffer");
        byte[] all = out.toByteArray();
        assertArrayEquals(head, Arrays.copyOfRange(all, 0, head.length));
        assertArrayEquals(content, Arrays.copyOfRange(all, head.length, all.length));
    }

    @Test
    void largeWritesGatherIntoDirectBuffersUntilFullOrFlushed() throws IOException {
        BufferStream out = new BufferStream();
        ResponseBody body = new ResponseBody(out, new DirectWrites(2));
        byte[] big = bytes(600_000);
        body.write(big, 0, 100_000);
        assertEquals(List.of(), out.calls, "a list's blocks may leave together");
        body.write(big, 100_000, 500_000);
        assertEquals(List.of("direct 262144", "direct 262144"), out.calls);
        body.flush();
        assertEquals(List.of("direct 262144", "direct 262144", "direct 75712"), out.calls);
        assertArrayEquals(big, out.toByteArray());
    }

    @Test
    void aFlushSendsWhatGatheredAtOnce() throws IOException {
        BufferStream out = new BufferStream();
        ResponseBody body = new ResponseBody(out, new DirectWrites(2));
        body.write(bytes(20_000), 0, 20_000);
        body.flush();
        assertEquals(List.of("direct 20000"), out.calls);
        body.write(bytes(30_000), 0, 30_000);
        body.flush();
        assertEquals(List.of("direct 20000", "direct 30000"), out.calls);
    }

    @Test
    void smallWritesGoToTheStreamAsTheyAreUntilALargeOneGathersThenTheyGatherToo() throws IOException {
        BufferStream out = new BufferStream();
        ResponseBody body = new ResponseBody(out, new DirectWrites(2));
        byte[] small = bytes(100);
        body.write(small, 10, 50);
        body.write('x');
        assertEquals(List.of("array 50", "byte"), out.calls);
        byte[] big = bytes(20_000);
        body.write(big, 0, big.length);
        body.write(small, 0, 10);
        body.write('y');
        assertEquals(List.of("array 50", "byte"), out.calls, "the tail of a 20 KiB string waits with it");
        body.flush();
        assertEquals(List.of("array 50", "byte", "direct 20011"), out.calls);
        byte[] all = out.toByteArray();
        assertEquals(20_062, all.length);
        assertEquals('x', all[50]);
        assertEquals('y', all[20_061]);
        assertArrayEquals(Arrays.copyOfRange(big, 0, 20_000), Arrays.copyOfRange(all, 51, 20_051));
    }

    @Test
    void thePoolLendsTheBufferGivenBackLast() {
        DirectWrites pool = new DirectWrites(4);
        ByteBuffer first = pool.borrow();
        ByteBuffer second = pool.borrow();
        pool.giveBack(first);
        pool.giveBack(second);
        assertSame(second, pool.borrow(), "the one most likely still in a cache");
        assertSame(first, pool.borrow());
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
    void theEndOfTheResponseSendsWhatGatheredAndPoolsTheBuffer() throws IOException {
        DirectWrites pool = new DirectWrites(2);
        BufferStream out = new BufferStream();
        ResponseBody body = new ResponseBody(out, pool);
        body.write(bytes(20_000), 0, 20_000);
        body.flush();
        body.write(bytes(30_000), 0, 30_000);
        assertNotSame(out.last, pool.borrow(), "held by the response until it is over");
        body.release();
        assertEquals(List.of("direct 20000", "direct 30000"), out.calls, "not flushed, still delivered");
        assertSame(out.last, pool.borrow());
    }

    @Test
    void aFailedWriteDoesNotPoolItsBuffer() throws IOException {
        DirectWrites pool = new DirectWrites(2);
        BufferStream out = new BufferStream();
        out.fail = true;
        ResponseBody body = new ResponseBody(out, pool);
        body.write(bytes(20_000), 0, 20_000);
        assertThrows(IOException.class, body::flush);
        body.release();
        assertNotSame(out.last, pool.borrow());
    }
}
