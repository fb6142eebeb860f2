package org.wsgi.router.http;

import java.io.ByteArrayInputStream;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/** Request bodies for fake servlet requests. */
final class TestBodies {

    private TestBodies() {
    }

    /** A blocking servlet input stream over {@code bytes}. */
    static ServletInputStream of(byte[] bytes) {
        ByteArrayInputStream body = new ByteArrayInputStream(bytes);
        return new ServletInputStream() {
            @Override
            public int read() {
                return body.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return body.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return body.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener l) {
            }
        };
    }
}
