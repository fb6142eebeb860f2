package org.wsgi.interp.jython.json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.python.core.Py;
import org.python.core.PyBuiltinFunctionNarrow;
import org.python.core.PyInteger;
import org.python.core.PyList;
import org.python.core.PyLong;
import org.python.core.PyObject;
import org.python.core.PyString;
import org.python.core.PyType;
import org.python.core.PyUnicode;
import org.python.core.ThreadState;
import org.wsgi.interp.jython.gateway.ByteStrings;

/**
 * The one-shot form of {@code json.encoder._make_iterencode} (what {@code JSONEncoder.encode}, hence
 * {@code json.dumps}, uses when Jython's own Java encoder does not apply: with {@code indent} or {@code sort_keys}).
 * Called as {@code _iterencode(o, level)}, it returns an iterator over the chunks that the pure-Python generators
 * would have yielded, in the same order, made by the same calls: the encoder's {@code _encoder}, {@code _floatstr} and
 * {@code default} functions, {@code str()} for integers, {@code items()}/{@code iteritems()} and iteration of the
 * containers themselves, Python's own {@code isinstance} for anything that is not exactly a built-in type, and
 * Python's {@code +} and {@code *} for separators and indentation. {@code JSONEncoder.encode} joins them, so
 * str/unicode mixing behaves as before. What differs is only the machinery: no generator and no Python frame per
 * container, and the circular-reference markers ({@link Markers}) ask Jython's synchronized id table only for objects
 * that are not plain lists, tuples and dicts.
 * <p>
 * One instance per {@code iterencode} call; not shared between threads.
 */
final class ChunkEncoder extends PyBuiltinFunctionNarrow {

    private static final String JYTHON_ASCII_ENCODER = "org.python.modules._json._json$EncodeBasestringAsciiFunction";
    private static final PyString EMPTY_LIST = Py.newString("[]");
    private static final PyString EMPTY_DICT = Py.newString("{}");
    private static final PyString OPEN_LIST = Py.newString("[");
    private static final PyString CLOSE_LIST = Py.newString("]");
    private static final PyString OPEN_DICT = Py.newString("{");
    private static final PyString CLOSE_DICT = Py.newString("}");
    private static final PyString NEWLINE = Py.newString("\n");
    private static final PyString SPACE = Py.newString(" ");
    private static final PyString NULL = Py.newString("null");
    private static final PyString TRUE = Py.newString("true");
    private static final PyString FALSE = Py.newString("false");

    private final Markers markers;
    private final PyObject defaultFunction;
    private final PyObject encoder;
    private final PyObject indent;
    private final PyObject floatstr;
    private final PyObject keySeparator;
    private final PyObject itemSeparator;
    private final boolean sortKeys;
    private final boolean skipKeys;
    /** Whether {@link #encoder} is Jython's {@code _json.encode_basestring_ascii}. */
    private final boolean asciiEncoder;
    /** {@code '\n' + ' ' * (indent * level)} by level, made on first use (immutable strings, so shareable). */
    private PyObject[] newlineIndents = new PyObject[8];
    private ThreadState thread;
    private int recursionLimit;

    /**
     * The arguments of {@code _make_iterencode}, in its order, without {@code _one_shot}; {@code checkCircular} for
     * {@code markers is not None}, and {@code sortKeys}, {@code skipKeys} as their truth values.
     */
    ChunkEncoder(boolean checkCircular, PyObject defaultFunction, PyObject encoder, PyObject indent,
            PyObject floatstr, PyObject keySeparator, PyObject itemSeparator, boolean sortKeys, boolean skipKeys) {
        super("_iterencode", 2, 2, null);
        this.markers = checkCircular ? new Markers() : null;
        this.defaultFunction = defaultFunction;
        this.encoder = encoder;
        this.asciiEncoder = encoder.getClass().getName().equals(JYTHON_ASCII_ENCODER);
        this.indent = indent == Py.None ? null : indent;
        this.floatstr = floatstr;
        this.keySeparator = keySeparator;
        this.itemSeparator = itemSeparator;
        this.sortKeys = sortKeys;
        this.skipKeys = skipKeys;
    }

    @Override
    public PyObject __call__(PyObject o, PyObject level) {
        // An iterator, as the generator was: a subclass's iterencode may call next() on what it gets back.
        return new PyList(chunks(o, level.asInt())).__iter__();
    }

    /** The chunks of {@code o} at the top level, for {@link Dumps}, which joins them. */
    List<PyObject> chunks(PyObject o) {
        return chunks(o, 0);
    }

    private List<PyObject> chunks(PyObject o, int level) {
        thread = Py.getThreadState();
        recursionLimit = thread.getSystemState().getrecursionlimit();
        List<PyObject> out = new ArrayList<>();
        value(o, level, out);
        return out;
    }

    /** {@code _iterencode}: any value. */
    private void value(PyObject o, int level, List<PyObject> out) {
        Kind kind = Kind.of(o);
        PyObject scalar = scalar(o, kind);
        if (scalar != null) {
            out.add(scalar);
        } else {
            nested(o, kind, level, out);
        }
    }

    /** A value that is not a scalar: a container, or what {@code default} makes of it. */
    private void nested(PyObject o, Kind kind, int level, List<PyObject> out) {
        if (kind == Kind.SEQUENCE || kind == Kind.MAPPING) {
            container(o, kind == Kind.MAPPING, level, out);
            return;
        }
        enter(o);
        try {
            value(defaultFunction.__call__(o), level, out);
        } finally {
            thread.call_depth--;
        }
        leave(o);
    }

    /** What {@code _iterencode_list} and {@code _iterencode_dict} share: emptiness, markers, indentation. */
    private void container(PyObject c, boolean mapping, int level, List<PyObject> out) {
        if (!c.__nonzero__()) {
            out.add(mapping ? EMPTY_DICT : EMPTY_LIST);
            return;
        }
        enter(c);
        try {
            PyObject newlineIndent = indent == null ? null : newlineIndent(level + 1);
            PyObject separator = newlineIndent == null ? itemSeparator : itemSeparator._add(newlineIndent);
            int inner = newlineIndent == null ? level : level + 1;
            if (mapping) {
                dictItems(c, newlineIndent, separator, inner, out);
            } else {
                listItems(c, newlineIndent, separator, inner, out);
            }
            if (newlineIndent != null) {
                out.add(newlineIndent(level));
            }
            out.add(mapping ? CLOSE_DICT : CLOSE_LIST);
        } finally {
            thread.call_depth--;
        }
        leave(c);
    }

    /** The loop of {@code _iterencode_list}: a scalar shares its chunk with the separator before it. */
    private void listItems(PyObject list, PyObject newlineIndent, PyObject separator, int level,
            List<PyObject> out) {
        PyObject buf = newlineIndent == null ? OPEN_LIST : OPEN_LIST._iadd(newlineIndent);
        boolean first = true;
        PyObject items = list.__iter__();
        for (PyObject item; (item = items.__iternext__()) != null;) {
            if (first) {
                first = false;
            } else {
                buf = separator;
            }
            Kind kind = Kind.of(item);
            PyObject scalar = scalar(item, kind);
            if (scalar != null) {
                out.add(buf._add(scalar));
            } else {
                out.add(buf);
                nested(item, kind, level, out);
            }
        }
    }

    /** The loop of {@code _iterencode_dict}. */
    private void dictItems(PyObject dict, PyObject newlineIndent, PyObject separator, int level,
            List<PyObject> out) {
        out.add(OPEN_DICT);
        if (newlineIndent != null) {
            out.add(newlineIndent);
        }
        boolean first = true;
        Iterator<PyObject[]> items = sortKeys ? SortedItems.of(dict) : SortedItems.unsorted(dict);
        while (items.hasNext()) {
            PyObject[] pair = items.next();
            PyObject key = key(pair[0]);
            if (key == null) {
                continue;
            }
            if (first) {
                first = false;
            } else {
                out.add(separator);
            }
            out.add(string(key));
            out.add(keySeparator);
            value(pair[1], level, out);
        }
    }

    /** The chunk of a value that is not a container nor left to {@code default}, else {@code null}. */
    private PyObject scalar(PyObject o, Kind kind) {
        switch (kind) {
            case STRING:
                return string(o);
            case NONE:
                return NULL;
            case TRUE:
                return TRUE;
            case FALSE:
                return FALSE;
            case INTEGER:
                return str(o);
            case FLOAT:
                return floatstr.__call__(o);
            default:
                return null;
        }
    }

    /** A dictionary key as the Python code converts it; {@code null} to skip it ({@code skipkeys}). */
    private PyObject key(PyObject key) {
        switch (Kind.of(key)) {
            case STRING:
                return key;
            case FLOAT:
                return floatstr.__call__(key);
            case TRUE:
                return TRUE;
            case FALSE:
                return FALSE;
            case NONE:
                return NULL;
            case INTEGER:
                return str(key);
            default:
                if (skipKeys) {
                    return null;
                }
                throw Py.TypeError("key " + key.__repr__() + " is not a string");
        }
    }

    /**
     * {@code _encoder(s)}. Jython's {@code encode_basestring_ascii} (the default, {@code ensure_ascii=True}) returns a
     * string as it is, in quotes, when every character is printable ASCII other than the quote and the backslash;
     * that case is done here, anything else is left to the encoder.
     */
    private PyObject string(PyObject s) {
        if (asciiEncoder) {
            PyType type = s.getType();
            if (type == PyString.TYPE || type == PyUnicode.TYPE) {
                String text = ((PyString) s).getString();
                if (plainAscii(text)) {
                    return ByteStrings.ofLatin1('"' + text + '"');
                }
            }
        }
        return encoder.__call__(s);
    }

    private static boolean plainAscii(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < ' ' || c > '~' || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** {@code str(o)} for an int or long. */
    private static PyObject str(PyObject o) {
        PyType type = o.getType();
        if (type == PyInteger.TYPE) {
            return ByteStrings.ofLatin1(Integer.toString(((PyInteger) o).getValue()));
        }
        if (type == PyLong.TYPE) {
            return ByteStrings.ofLatin1(((PyLong) o).getValue().toString());
        }
        return PyString.TYPE.__call__(o);
    }

    private PyObject newlineIndent(int level) {
        if (level >= newlineIndents.length) {
            newlineIndents = java.util.Arrays.copyOf(newlineIndents, level * 2);
        }
        PyObject s = newlineIndents[level];
        if (s == null) {
            s = NEWLINE._add(SPACE._mul(indent._mul(Py.newInteger(level))));
            newlineIndents[level] = s;
        }
        return s;
    }

    /** One level deeper (Python's recursion limit applies) and the circular-reference check. */
    private void enter(PyObject container) {
        if (++thread.call_depth > recursionLimit) {
            thread.call_depth--;
            throw Py.RuntimeError("maximum recursion depth exceeded");
        }
        if (markers != null && !markers.enter(container)) {
            thread.call_depth--;
            throw Py.ValueError("Circular reference detected");
        }
    }

    private void leave(PyObject container) {
        if (markers != null) {
            markers.leave(container);
        }
    }
}
