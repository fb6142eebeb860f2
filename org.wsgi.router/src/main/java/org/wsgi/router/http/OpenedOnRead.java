package org.wsgi.router.http;

import java.io.IOException;
import java.io.InputStream;

/** A stream opened when it is first read from or skipped, not when it is made. One thread at a time. */
final class OpenedOnRead extends InputStream {

    /** Opens the real stream. */
    interface Opener {
        InputStream open() throws IOException;
    }

    private final Opener opener;
    private InputStream in;

    OpenedOnRead(Opener opener) {
        this.opener = opener;
    }

    private InputStream in() throws IOException {
        if (in == null) {
            in = opener.open();
        }
        return in;
    }

    @Override
    public int read() throws IOException {
        return in().read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return len == 0 ? 0 : in().read(b, off, len);
    }

    @Override
    public long skip(long n) throws IOException {
        return in().skip(n);
    }

    @Override
    public int available() throws IOException {
        return in == null ? 0 : in.available();
    }

    /** Closes the real stream only if it was opened: an unread body is the container's to discard. */
    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
        }
    }
}
