package org.wsgi.interp.jython.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.python.core.Py;
import org.python.core.PyList;
import org.python.core.PyObject;
import org.python.core.PyString;

/**
 * {@code wsgi.input}: the request body as a read-only Python file object. A plain Java {@code PyObject} on purpose:
 * a {@code PyFile} carries a finalizer, and one per request promotes request garbage to the old generation
 * (perf-trial.md). Used by one request thread at a time, like the exchange it reads from.
 */
public final class WsgiInput extends PyObject {

    private static final int CHUNK = 8192;

    private final InputStream in;
    private byte[] buf;
    private int pos;
    private int lim;
    private boolean eof;

    public WsgiInput(InputStream in) {
        this.in = in;
    }

    /**
     * Up to {@code size} bytes (all that is left when negative); an empty string at the end of the body. Reads
     * beyond what is buffered go straight from the stream into the result's array.
     */
    public PyString read(int size) {
        int wanted = size < 0 ? Integer.MAX_VALUE : size;
        if (wanted == 0 || !fill()) {
            return Py.EmptyString;
        }
        int buffered = lim - pos;
        if (wanted <= buffered) {
            PyString s = bytes(buf, pos, wanted);
            pos += wanted;
            return s;
        }
        byte[] out = new byte[Math.min(wanted, Math.max(2 * buffered, 1 << 16))];
        System.arraycopy(buf, pos, out, 0, buffered);
        pos = lim;
        int n = buffered;
        while (n < wanted && !eof) {
            if (n == out.length) {
                out = java.util.Arrays.copyOf(out, (int) Math.min(wanted, 2L * out.length));
            }
            int r = readStream(out, n, out.length - n);
            if (r < 0) {
                eof = true;
            } else {
                n += r;
            }
        }
        return bytes(out, 0, n);
    }

    /** One line including its {@code \n}, at most {@code size} bytes when {@code size >= 0}. */
    public PyString readline(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        int wanted = size < 0 ? Integer.MAX_VALUE : size;
        while (wanted > 0 && fill()) {
            int end = pos + Math.min(wanted, lim - pos);
            int i = pos;
            while (i < end && buf[i] != '\n') {
                i++;
            }
            boolean newline = i < end;
            int n = (newline ? i + 1 : i) - pos;
            out.write(buf, pos, n);
            pos += n;
            wanted -= n;
            if (newline) {
                break;
            }
        }
        return bytes(out);
    }

    /** Lines until the body ends or, when {@code hint > 0}, until at least {@code hint} bytes were read. */
    public PyList readlines(int hint) {
        PyList lines = new PyList();
        int total = 0;
        for (PyString line = readline(-1); line.__len__() > 0; line = readline(-1)) {
            lines.append(line);
            total += line.__len__();
            if (hint > 0 && total >= hint) {
                break;
            }
        }
        return lines;
    }

    private boolean fill() {
        if (pos < lim) {
            return true;
        }
        if (eof) {
            return false;
        }
        if (buf == null) {
            buf = new byte[CHUNK];
        }
        int n = readStream(buf, 0, buf.length);
        if (n < 0) {
            eof = true;
            pos = lim = 0;
            return false;
        }
        pos = 0;
        lim = n;
        return true;
    }

    /** At least one byte, or -1 at the end of the body. */
    private int readStream(byte[] into, int off, int len) {
        try {
            int n;
            do {
                n = in.read(into, off, len);
            } while (n == 0);
            return n;
        } catch (IOException e) {
            throw Py.IOError(e);
        }
    }

    private static PyString bytes(byte[] data, int off, int len) {
        return ByteStrings.of(data, off, len);
    }

    private static PyString bytes(ByteArrayOutputStream out) {
        return ByteStrings.ofLatin1(out.toString(StandardCharsets.ISO_8859_1));
    }

    private static int size(PyObject arg) {
        return arg == Py.None ? -1 : arg.asInt();
    }

    @Override
    public PyObject __iter__() {
        return this;
    }

    @Override
    public PyObject __iternext__() {
        PyString line = readline(-1);
        return line.__len__() == 0 ? null : line;
    }

    @Override
    public PyObject __findattr_ex__(String attr) {
        switch (attr) {
            case "read":
                return new JavaMethod("read", 0, 1) {
                    @Override
                    public PyObject __call__() {
                        return read(-1);
                    }

                    @Override
                    public PyObject __call__(PyObject n) {
                        return read(size(n));
                    }
                };
            case "readline":
                return new JavaMethod("readline", 0, 1) {
                    @Override
                    public PyObject __call__() {
                        return readline(-1);
                    }

                    @Override
                    public PyObject __call__(PyObject n) {
                        return readline(size(n));
                    }
                };
            case "readlines":
                return new JavaMethod("readlines", 0, 1) {
                    @Override
                    public PyObject __call__() {
                        return readlines(-1);
                    }

                    @Override
                    public PyObject __call__(PyObject hint) {
                        return readlines(size(hint));
                    }
                };
            case "__iter__":
                return new JavaMethod("__iter__", 0, 0) {
                    @Override
                    public PyObject __call__() {
                        return WsgiInput.this;
                    }
                };
            case "next":
                return new JavaMethod("next", 0, 0) {
                    @Override
                    public PyObject __call__() {
                        PyObject line = WsgiInput.this.__iternext__();
                        if (line == null) {
                            throw Py.StopIteration("");
                        }
                        return line;
                    }
                };
            case "close":
                return new JavaMethod("close", 0, 0) {
                    @Override
                    public PyObject __call__() {
                        return Py.None;
                    }
                };
            default:
                return super.__findattr_ex__(attr);
        }
    }

    @Override
    public String toString() {
        return "<wsgi.input>";
    }
}
