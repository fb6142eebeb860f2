package org.wsgi.interp.jython.gateway;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.python.core.Py;
import org.python.core.PyFile;
import org.python.core.PyObject;
import org.python.core.PyString;
import org.python.core.io.FileIO;

/**
 * The iterable {@code wsgi.file_wrapper(filelike, blksize=8192)} returns: blocks of {@code filelike.read(blksize)}
 * until an empty read; {@code close()} closes the file-like object. When it wraps a real file opened for reading,
 * the gateway sends the file from Java instead ({@link #fileChannel()}).
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
     * The wrapped file's own channel, or {@code null} when it is not a regular file open for reading only (then the
     * gateway iterates as usual). The very file the application opened, not one opened again by name: a relative
     * name means the interpreter's working directory, which {@code os.chdir} moves without the JVM's, and the name
     * may be another file by now. The caller reads it with positional transfers, from {@link #position()}, and
     * never closes it: the file object owns it ({@code close()} closes it).
     */
    FileChannel fileChannel() {
        if (!(filelike instanceof PyFile)) {
            return null;
        }
        PyFile file = (PyFile) filelike;
        if (file.getClosed() || file.mode == null || !file.mode.contains("r") || file.mode.contains("+")
                || !(file.name instanceof PyString) || !regularFile(file.name.toString())) {
            return null;
        }
        Object raw = file.fileno().__tojava__(FileIO.class);
        return raw instanceof FileIO ? ((FileIO) raw).getChannel() : null;
    }

    /** Where the Python file object stands (its buffered reads included). */
    long position() {
        return ((PyFile) filelike).tell();
    }

    /** Whether the name is a regular file (not a device or pipe), relative to the interpreter's directory. */
    private static boolean regularFile(String name) {
        try {
            return Files.isRegularFile(Path.of(Py.getSystemState().getPath(name)));
        } catch (InvalidPathException e) {
            return false;
        }
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
