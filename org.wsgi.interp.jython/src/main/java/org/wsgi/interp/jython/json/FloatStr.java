package org.wsgi.interp.jython.json;

import org.python.core.Py;
import org.python.core.PyBuiltinFunctionNarrow;
import org.python.core.PyObject;

/**
 * The {@code floatstr} closure {@code JSONEncoder.iterencode} makes per call, for {@link Dumps}: with the values its
 * default arguments capture then ({@code allow_nan}, {@code FLOAT_REPR}, {@code INFINITY}) and the same comparisons
 * with Python's operators, so float subclasses compare as they would there.
 */
final class FloatStr extends PyBuiltinFunctionNarrow {

    private final PyObject allowNan;
    private final PyObject repr;
    private final PyObject infinity;
    private final PyObject negativeInfinity;

    FloatStr(PyObject allowNan, PyObject repr, PyObject infinity, PyObject negativeInfinity) {
        super("floatstr", 1, 1, null);
        this.allowNan = allowNan;
        this.repr = repr;
        this.infinity = infinity;
        this.negativeInfinity = negativeInfinity;
    }

    @Override
    public PyObject __call__(PyObject o) {
        String text;
        if (o._ne(o).__nonzero__()) {
            text = "NaN";
        } else if (o._eq(infinity).__nonzero__()) {
            text = "Infinity";
        } else if (o._eq(negativeInfinity).__nonzero__()) {
            text = "-Infinity";
        } else {
            return repr.__call__(o);
        }
        if (!allowNan.__nonzero__()) {
            throw Py.ValueError("Out of range float values are not JSON compliant: " + o.__repr__());
        }
        return Py.newString(text);
    }
}
