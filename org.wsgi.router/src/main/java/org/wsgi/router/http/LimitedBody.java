package org.wsgi.router.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * A request body whose length was not declared (chunked), held to {@code LimitRequestBody} as Apache's input filter
 * holds it: the read that takes the body past the limit fails, as does every read after it, and the owner is told
 * once, with the bytes read so far, so that the request is answered 413. Used by the request's thread only.
 */
final class LimitedBody extends FilterInputStream {

    private final long limit;
    private final LongConsumer exceeded;
    private long read;
    private boolean over;

    LimitedBody(InputStream in, long limit, LongConsumer exceeded) {
        super(in);
        this.limit = limit;
        this.exceeded = exceeded;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        refuseIfOver();
        int n = super.read(b, off, len);
        if (n > 0) {
            read += n;
            if (read > limit) {
                over = true;
                exceeded.accept(read);
                refuseIfOver();
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] sink = new byte[(int) Math.min(n, 8192)];
        int got = read(sink, 0, sink.length);
        return Math.max(got, 0);
    }

    private void refuseIfOver() throws IOException {
        if (over) {
            throw new IOException("Apache/mod_wsgi request data read error: the request body is larger than the"
                    + " configured limit of " + limit + " (LimitRequestBody)");
        }
    }
}
