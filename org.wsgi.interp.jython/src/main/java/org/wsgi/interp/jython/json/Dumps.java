package org.wsgi.interp.jython.json;

import java.util.List;

import org.python.core.Py;
import org.python.core.PyBaseString;
import org.python.core.PyBuiltinFunction;
import org.python.core.PyList;
import org.python.core.PyObject;
import org.python.core.PyString;
import org.python.core.PyTuple;
import org.python.core.PyType;
import org.python.core.PyUnicode;
import org.wsgi.interp.jython.gateway.ByteStrings;

/**
 * Stands in for {@code json.dumps}. A call that json/__init__.py would answer with
 * {@code JSONEncoder(**options).encode(obj)} on the path {@link OneShotIterencode} takes over ({@code indent} or
 * {@code sort_keys} given, no {@code cls}) is done here without the Python frames around the Java walk: no encoder
 * instance with its nine attributes, no {@code encode}/{@code iterencode} calls, no {@code floatstr} closure made per
 * call. Those cost more than the walk itself for a small document (an environ dumped as indented JSON).
 * <p>
 * It reads what the Python code would read, when it would read it: the separators and the encoder functions,
 * {@code FLOAT_REPR} and {@code INFINITY} at each call, from the class and module as they are then. Any other call
 * goes to the original function: the cached default encoder, {@code cls}, unknown keywords, extra positional
 * arguments, a top-level string, an {@code encoding} other than UTF-8, separators that are not a pair, and any
 * {@code JSONEncoder} that is no longer the one this was made for (a method replaced, {@code json.JSONEncoder}
 * rebound, {@code json.encoder} reloaded), so every error is the original's.
 */
final class Dumps extends PyBuiltinFunction {

    private static final String[] OPTIONS = {"skipkeys", "ensure_ascii", "check_circular", "allow_nan", "cls",
        "indent", "separators", "encoding", "default", "sort_keys"};
    private static final int SKIPKEYS = 0;
    private static final int ENSURE_ASCII = 1;
    private static final int CHECK_CIRCULAR = 2;
    private static final int ALLOW_NAN = 3;
    private static final int CLS = 4;
    private static final int INDENT = 5;
    private static final int SEPARATORS = 6;
    private static final int ENCODING = 7;
    private static final int DEFAULT = 8;
    private static final int SORT_KEYS = 9;
    /** The class attributes whose replacement sends every call to the original function. */
    private static final String[] METHODS = {"__new__", "__init__", "encode", "iterencode", "default"};

    private final PyObject original;
    private final PyObject json;
    private final PyObject encoderModule;
    private final PyType encoderClass;
    private final PyObject[] methods;

    /**
     * @param original {@code json.dumps} as json/__init__.py defines it
     * @param json the {@code json} package
     * @param encoderModule {@code json.encoder}, already accelerated
     */
    Dumps(PyObject original, PyObject json, PyObject encoderModule, PyType encoderClass) {
        super("dumps", "json.dumps, done in Java where json/__init__.py would call JSONEncoder(...).encode");
        this.original = original;
        this.json = json;
        this.encoderModule = encoderModule;
        this.encoderClass = encoderClass;
        this.methods = ownMethods(encoderClass);
    }

    PyObject original() {
        return original;
    }

    @Override
    public PyObject __call__(PyObject[] args, String[] keywords) {
        PyObject[] options = options(args, keywords);
        PyObject result = options == null ? null : encode(args[0], options);
        return result != null ? result : original.__call__(args, keywords);
    }

    /** The keyword arguments by {@link #OPTIONS} slot, or {@code null} for a call this does not take. */
    private static PyObject[] options(PyObject[] args, String[] keywords) {
        if (args.length != keywords.length + 1) {
            return null;
        }
        PyObject[] options = new PyObject[OPTIONS.length];
        for (int k = 0; k < keywords.length; k++) {
            int slot = slot(keywords[k]);
            if (slot < 0) {
                return null;
            }
            options[slot] = args[k + 1];
        }
        return options;
    }

    private static int slot(String keyword) {
        for (int i = 0; i < OPTIONS.length; i++) {
            if (OPTIONS[i].equals(keyword)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code JSONEncoder(**options).encode(o)}, or {@code null} to leave the call to the original. */
    private PyObject encode(PyObject o, PyObject[] options) {
        PyObject indent = orNone(options[INDENT]);
        boolean sortKeys = options[SORT_KEYS] != null && options[SORT_KEYS].__nonzero__();
        if (indent == Py.None && !sortKeys || orNone(options[CLS]) != Py.None || !utf8(options[ENCODING])
                || Py.isInstance(o, PyBaseString.TYPE) || !pristine()) {
            return null;
        }
        PyObject itemSeparator;
        PyObject keySeparator;
        PyObject separators = orNone(options[SEPARATORS]);
        if (separators == Py.None) {
            itemSeparator = encoderClass.__getattr__("item_separator");
            keySeparator = encoderClass.__getattr__("key_separator");
        } else if ((separators.getType() == PyTuple.TYPE || separators.getType() == PyList.TYPE)
                && separators.__len__() == 2) {
            itemSeparator = separators.__getitem__(0);
            keySeparator = separators.__getitem__(1);
        } else {
            return null;
        }
        PyObject defaultFunction = orNone(options[DEFAULT]);
        if (defaultFunction == Py.None) {
            defaultFunction = new UnboundDefault(methods[4]);
        }
        boolean ensureAscii = options[ENSURE_ASCII] == null || options[ENSURE_ASCII].__nonzero__();
        PyObject encoder = encoderModule.__getattr__(ensureAscii ? "encode_basestring_ascii" : "encode_basestring");
        PyObject infinity = encoderModule.__getattr__("INFINITY");
        PyObject floatstr = new FloatStr(options[ALLOW_NAN] == null ? Py.True : options[ALLOW_NAN],
                encoderModule.__getattr__("FLOAT_REPR"), infinity, infinity.__neg__());
        boolean checkCircular = options[CHECK_CIRCULAR] == null || options[CHECK_CIRCULAR].__nonzero__();
        boolean skipKeys = options[SKIPKEYS] != null && options[SKIPKEYS].__nonzero__();
        ChunkEncoder walk = new ChunkEncoder(checkCircular, defaultFunction, encoder, indent, floatstr, keySeparator,
                itemSeparator, sortKeys, skipKeys);
        return join(walk.chunks(o));
    }

    /**
     * {@code ''.join(chunks)}. When every chunk is exactly a {@code str} the result is their bytes, so it is made
     * here without the copy into a list and the scan of every char Jython's join makes; anything else (a
     * {@code unicode} chunk, a subclass, what a replaced {@code FLOAT_REPR} returns) goes through {@code join}.
     */
    private static PyObject join(List<PyObject> chunks) {
        int length = 0;
        for (PyObject chunk : chunks) {
            if (chunk.getType() != PyString.TYPE) {
                return Py.EmptyString.join(new PyList(chunks));
            }
            length += ((PyString) chunk).getString().length();
        }
        StringBuilder out = new StringBuilder(length);
        for (PyObject chunk : chunks) {
            out.append(((PyString) chunk).getString());
        }
        return ByteStrings.ofLatin1(out.toString());
    }

    private static PyObject orNone(PyObject option) {
        return option == null ? Py.None : option;
    }

    /** {@code encoding == 'utf-8'}, for the two string types; anything else is left to the original. */
    private static boolean utf8(PyObject encoding) {
        if (encoding == null) {
            return true;
        }
        PyType type = encoding.getType();
        return (type == PyString.TYPE || type == PyUnicode.TYPE) && "utf-8".equals(encoding.toString());
    }

    /** Whether {@code json.dumps} would still build this class, with the methods it had, on our one-shot walk. */
    private boolean pristine() {
        if (json.__findattr__("JSONEncoder") != encoderClass
                || !(encoderModule.__findattr__("_make_iterencode") instanceof OneShotIterencode)) {
            return false;
        }
        PyObject[] now = ownMethods(encoderClass);
        for (int i = 0; i < now.length; i++) {
            if (now[i] != methods[i]) {
                return false;
            }
        }
        return true;
    }

    private static PyObject[] ownMethods(PyType type) {
        PyObject dict = type.fastGetDict();
        PyObject[] found = new PyObject[METHODS.length];
        for (int i = 0; i < METHODS.length; i++) {
            found[i] = dict.__finditem__(METHODS[i]);
        }
        return found;
    }

    /** {@code self.default} of an encoder made without {@code default=}: the class's function, which uses no state. */
    private static final class UnboundDefault extends org.python.core.PyBuiltinFunctionNarrow {
        private final PyObject function;

        UnboundDefault(PyObject function) {
            super("default", 1, 1, null);
            this.function = function;
        }

        @Override
        public PyObject __call__(PyObject o) {
            return function.__call__(Py.None, o);
        }
    }
}
