package org.wsgi.router.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Ranges of a 3-byte file as the reference answered them (206 with the range, 416, or the whole file). */
class ByteRangeTest {

    @Test
    void oneRangeInEachForm() {
        assertArrayEquals(new long[] {1, 1}, ByteRange.parse("bytes=1-1", 3));
        assertArrayEquals(new long[] {1, 2}, ByteRange.parse("bytes=-2", 3));
        assertArrayEquals(new long[] {1, 2}, ByteRange.parse("bytes=1-", 3));
        assertArrayEquals(new long[] {0, 2}, ByteRange.parse("bytes=0-99", 3));
    }

    @Test
    void beyondTheEndIsUnsatisfiableAndTheRestIsTheWholeFile() {
        assertSame(ByteRange.UNSATISFIABLE, ByteRange.parse("bytes=5-9", 3));
        assertNull(ByteRange.parse(null, 3));
        assertNull(ByteRange.parse("items=1-2", 3));
        assertNull(ByteRange.parse("bytes=0-0,2-2", 3));
        assertNull(ByteRange.parse("bytes=x-y", 3));
        assertNull(ByteRange.parse("bytes=2-1", 3));
    }
}
