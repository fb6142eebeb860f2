package org.wsgi.interp.jython.json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.python.core.Py;
import org.python.core.PyBuiltinFunctionNarrow;
import org.python.core.PyDictionary;
import org.python.core.PyList;
import org.python.core.PyObject;
import org.python.core.PyString;

/**
 * The (key, value) pairs of a dict as json/encoder.py walks them: {@code dct.iteritems()}, or with
 * {@code sort_keys} {@code sorted(dct.items(), key=lambda kv: kv[0])}. The common case, a plain dict whose keys
 * are all plain byte strings, is sorted in Java: Python 2 orders such strings by their bytes, which is the order
 * of {@link String#compareTo} on their latin-1 characters, and no Python code can run while they are compared.
 * Anything else goes through the Python calls themselves.
 */
final class SortedItems {

    /** {@code lambda kv: kv[0]}. */
    private static final PyObject FIRST = new PyBuiltinFunctionNarrow("<lambda>", 1, 1, null) {
        @Override
        public PyObject __call__(PyObject kv) {
            return kv.__getitem__(0);
        }
    };

    private SortedItems() {
    }

    static Iterator<PyObject[]> of(PyObject dict) {
        if (dict.getType() == PyDictionary.TYPE) {
            List<Map.Entry<PyObject, PyObject>> entries = new ArrayList<>(((PyDictionary) dict).getMap().entrySet());
            if (allPlainStrings(entries)) {
                entries.sort((a, b) -> ((PyString) a.getKey()).getString()
                        .compareTo(((PyString) b.getKey()).getString()));
                return entryPairs(entries);
            }
        }
        PyList items = new PyList(dict.invoke("items"));
        items.sort(Py.None, FIRST, Py.False);
        return pythonPairs(items);
    }

    static Iterator<PyObject[]> unsorted(PyObject dict) {
        return pythonPairs(dict.invoke("iteritems"));
    }

    private static boolean allPlainStrings(List<Map.Entry<PyObject, PyObject>> entries) {
        for (Map.Entry<PyObject, PyObject> e : entries) {
            if (e.getKey().getType() != PyString.TYPE) {
                return false;
            }
        }
        return true;
    }

    private static Iterator<PyObject[]> entryPairs(List<Map.Entry<PyObject, PyObject>> entries) {
        Iterator<Map.Entry<PyObject, PyObject>> it = entries.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public PyObject[] next() {
                Map.Entry<PyObject, PyObject> e = it.next();
                return new PyObject[] {e.getKey(), e.getValue()};
            }
        };
    }

    /** {@code for key, value in items}: Python's iteration and unpacking, one item at a time. */
    private static Iterator<PyObject[]> pythonPairs(PyObject items) {
        PyObject iterator = items.__iter__();
        return new Iterator<>() {
            private PyObject next;
            private boolean fetched;

            @Override
            public boolean hasNext() {
                if (!fetched) {
                    next = iterator.__iternext__();
                    fetched = true;
                }
                return next != null;
            }

            @Override
            public PyObject[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                fetched = false;
                return Py.unpackSequence(next, 2);
            }
        };
    }
}
