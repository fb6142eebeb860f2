package org.wsgi.interp.jython.gateway;

import java.nio.charset.StandardCharsets;

import org.python.core.Py;
import org.python.core.PyObject;
import org.python.core.PyString;
import org.python.core.PyUnicode;

/**
 * A write-only Python file object ({@code wsgi.errors}, {@code sys.stdout}, {@code sys.stderr}) that hands complete
 * lines to a {@link LineSink}, as mod_wsgi's log objects do. Unlike a {@code PyFile} it has no finalizer, so creating
 * one per request leaves no garbage behind for the finalizer thread. Safe for concurrent writers: the partial-line
 * buffer is guarded by {@code this}.
 */
public final class LogStream extends PyObject {

    private final String name;
    private final LineSink sink;
    /** The unfinished last line; guarded by {@code this}. */
    private StringBuilder pending;
    private boolean softspace;

    public LogStream(String name, LineSink sink) {
        this.name = name;
        this.sink = sink;
    }

    /** Writes text; complete lines are passed on at once, the rest waits for a newline or {@link #flush()}. */
    public void write(String text) {
        int start = 0;
        synchronized (this) {
            for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
                String line = text.substring(start, nl);
                if (pending != null && pending.length() > 0) {
                    line = pending.append(line).toString();
                    pending.setLength(0);
                }
                sink.line(line);
                start = nl + 1;
            }
            if (start < text.length()) {
                if (pending == null) {
                    pending = new StringBuilder();
                }
                pending.append(text, start, text.length());
            }
        }
    }

    /** Passes on the unfinished line, if any. */
    public void flush() {
        String rest = null;
        synchronized (this) {
            if (pending != null && pending.length() > 0) {
                rest = pending.toString();
                pending.setLength(0);
            }
        }
        if (rest != null) {
            sink.line(rest);
        }
    }

    private void writeObject(PyObject data) {
        if (data instanceof PyUnicode) {
            write(((PyUnicode) data).getString());
        } else if (data instanceof PyString) {
            // Byte strings are most likely UTF-8 text; decode leniently so the log stays readable.
            write(new String(((PyString) data).toBytes(), StandardCharsets.UTF_8));
        } else {
            throw Py.TypeError("write() argument must be str, not " + data.getType().fastGetName());
        }
    }

    @Override
    public PyObject __findattr_ex__(String attr) {
        switch (attr) {
            case "write":
                return new JavaMethod("write", 1, 1) {
                    @Override
                    public PyObject __call__(PyObject data) {
                        writeObject(data);
                        return Py.None;
                    }
                };
            case "writelines":
                return new JavaMethod("writelines", 1, 1) {
                    @Override
                    public PyObject __call__(PyObject lines) {
                        for (PyObject line : lines.asIterable()) {
                            writeObject(line);
                        }
                        return Py.None;
                    }
                };
            case "flush":
                return new JavaMethod("flush", 0, 0) {
                    @Override
                    public PyObject __call__() {
                        flush();
                        return Py.None;
                    }
                };
            case "isatty":
                return new JavaMethod("isatty", 0, 0) {
                    @Override
                    public PyObject __call__() {
                        return Py.False;
                    }
                };
            case "close":
                return new JavaMethod("close", 0, 0) {
                    @Override
                    public PyObject __call__() {
                        flush();
                        return Py.None;
                    }
                };
            case "closed":
                return Py.False;
            case "name":
                return Py.newString(name);
            case "encoding":
            case "errors":
                return Py.None;
            case "softspace":
                return softspace ? Py.One : Py.Zero;
            default:
                return super.__findattr_ex__(attr);
        }
    }

    @Override
    public void __setattr__(String attr, PyObject value) {
        if ("softspace".equals(attr)) {
            softspace = value.__nonzero__();
        } else {
            super.__setattr__(attr, value);
        }
    }

    @Override
    public String toString() {
        return "<" + name + ">";
    }
}
