package org.wsgi.interp.jython.gateway;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.python.core.Py;
import org.python.core.PyFile;
import org.python.core.PyObject;
import org.python.core.PyString;

/**
 * The iterable {@code wsgi.file_wrapper(filelike, blksize=8192)} returns: blocks of {@code filelike.read(blksize)}
 * until an empty read; {@code close()} closes the file-like object. When it wraps a real file opened for reading,
 * the gateway sends the file from Java instead ({@link #openChannel()}).
 */
public final class FileWrapper extends PyObject {

    /**
     * A new {@code wsgi.file_wrapper} callable. It is stateless, so one serves every request; it is made after Jython
     * was initialised, never in a static initialiser.
     */
    static PyObject factory() {
        return new JavaMethod("file_wrapper", 1, 2) {
        @Override
        public PyObject __call__(PyObject filelike) {
            return new FileWrapper(filelike, 8192);
        }

        @Override
        public PyObject __call__(PyObject filelike, PyObject blksize) {
            return new FileWrapper(filelike, blksize.asInt());
        }
        };
    }

    private final PyObject filelike;
    private final int blksize;

    FileWrapper(PyObject filelike, int blksize) {
        if (blksize <= 0) {
            throw Py.ValueError("blksize must be positive");
        }
        this.filelike = filelike;
        this.blksize = blksize;
    }

    /**
     * A channel on the wrapped file, positioned where the Python file object stands, or {@code null} when it is not
     * a readable regular file (then the gateway iterates as usual).
     */
    FileChannel openChannel() throws IOException {
        if (!(filelike instanceof PyFile)) {
            return null;
        }
        PyFile file = (PyFile) filelike;
        if (file.getClosed() || file.mode == null || !file.mode.contains("r") || file.mode.contains("+")
                || !(file.name instanceof PyString)) {
            return null;
        }
        Path path;
        try {
            path = Path.of(file.name.toString());
        } catch (InvalidPathException e) {
            return null;
        }
        if (!Files.isRegularFile(path)) {
            return null;
        }
        FileChannel channel = FileChannel.open(path);
        channel.position(file.tell());
        return channel;
    }

    @Override
    public PyObject __iter__() {
        return this;
    }

    @Override
    public PyObject __iternext__() {
        PyObject block = filelike.invoke("read", Py.newInteger(blksize));
        return block.__len__() == 0 ? null : block;
    }

    @Override
    public PyObject __findattr_ex__(String attr) {
        switch (attr) {
            case "close":
                return new JavaMethod("close", 0, 0) {
                    @Override
                    public PyObject __call__() {
                        PyObject close = filelike.__findattr__("close");
                        if (close != null) {
                            close.__call__();
                        }
                        return Py.None;
                    }
                };
            case "__iter__":
                return new JavaMethod("__iter__", 0, 0) {
                    @Override
                    public PyObject __call__() {
                        return FileWrapper.this;
                    }
                };
            case "next":
                return new JavaMethod("next", 0, 0) {
                    @Override
                    public PyObject __call__() {
                        PyObject block = FileWrapper.this.__iternext__();
                        if (block == null) {
                            throw Py.StopIteration("");
                        }
                        return block;
                    }
                };
            case "filelike":
                return filelike;
            case "blksize":
                return Py.newInteger(blksize);
            default:
                return super.__findattr_ex__(attr);
        }
    }

    @Override
    public String toString() {
        return "<wsgi.file_wrapper>";
    }
}
