package org.wsgi.interp.jython.json;

import org.python.core.Py;
import org.python.core.PyBuiltinFunction;
import org.python.core.PyObject;

/**
 * Stands in for {@code json.encoder._make_iterencode}: for a one-shot encoding ({@code JSONEncoder.encode}) it
 * returns a {@link ChunkEncoder}; for anything else (streaming {@code iterencode}, {@code json.dump}, a call with
 * other arguments) it calls the original function, so those keep their generators and their incremental output.
 */
final class OneShotIterencode extends PyBuiltinFunction {

    /** {@code _make_iterencode}'s positional parameters up to and including {@code _one_shot}. */
    private static final int ARGUMENTS = 10;

    private final PyObject original;

    OneShotIterencode(PyObject original) {
        super("_make_iterencode", "json.encoder._make_iterencode, one-shot encodings done in Java");
        this.original = original;
    }

    PyObject original() {
        return original;
    }

    @Override
    public PyObject __call__(PyObject[] args, String[] keywords) {
        if (keywords.length == 0 && args.length == ARGUMENTS && args[ARGUMENTS - 1].__nonzero__()) {
            return new ChunkEncoder(args[0] != Py.None, args[1], args[2], args[3], args[4], args[5], args[6],
                    args[7].__nonzero__(), args[8].__nonzero__());
        }
        return original.__call__(args, keywords);
    }
}
