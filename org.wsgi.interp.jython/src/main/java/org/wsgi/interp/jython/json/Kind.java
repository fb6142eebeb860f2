package org.wsgi.interp.jython.json;

import org.python.core.Py;
import org.python.core.PyBaseString;
import org.python.core.PyDictionary;
import org.python.core.PyFloat;
import org.python.core.PyInteger;
import org.python.core.PyList;
import org.python.core.PyLong;
import org.python.core.PyObject;
import org.python.core.PyString;
import org.python.core.PyTuple;
import org.python.core.PyType;
import org.python.core.PyUnicode;

/** What the Python code's chain of {@code is} and {@code isinstance} tests decides about a value. */
enum Kind {
    STRING, NONE, TRUE, FALSE, INTEGER, FLOAT, SEQUENCE, MAPPING, OTHER;

    static Kind of(PyObject o) {
        if (o == Py.None) {
            return NONE;
        }
        if (o == Py.True) {
            return TRUE;
        }
        if (o == Py.False) {
            return FALSE;
        }
        PyType type = o.getType();
        // Exactly a built-in type: isinstance cannot answer otherwise.
        if (type == PyString.TYPE || type == PyUnicode.TYPE) {
            return STRING;
        }
        if (type == PyInteger.TYPE || type == PyLong.TYPE) {
            return INTEGER;
        }
        if (type == PyDictionary.TYPE) {
            return MAPPING;
        }
        if (type == PyList.TYPE || type == PyTuple.TYPE) {
            return SEQUENCE;
        }
        if (type == PyFloat.TYPE) {
            return FLOAT;
        }
        // Anything else: Python's isinstance, in the order the Python code asks.
        if (Py.isInstance(o, PyBaseString.TYPE)) {
            return STRING;
        }
        if (Py.isInstance(o, PyInteger.TYPE) || Py.isInstance(o, PyLong.TYPE)) {
            return INTEGER;
        }
        if (Py.isInstance(o, PyFloat.TYPE)) {
            return FLOAT;
        }
        if (Py.isInstance(o, PyList.TYPE) || Py.isInstance(o, PyTuple.TYPE)) {
            return SEQUENCE;
        }
        if (Py.isInstance(o, PyDictionary.TYPE)) {
            return MAPPING;
        }
        return OTHER;
    }
}
