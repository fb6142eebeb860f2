package org.wsgi.interp.jython.json;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import org.python.core.Py;
import org.python.core.PyDictionary;
import org.python.core.PyList;
import org.python.core.PyObject;
import org.python.core.PyTuple;
import org.python.core.PyType;

/**
 * The circular-reference check of one encoding: the containers (and objects handed to {@code default}) on the path
 * from the top, keyed as json/encoder.py keys them, by {@code id()}. Plain lists, tuples and dicts have no other
 * identity than the Java object, so they go in an identity map without asking Jython's id table (a synchronized
 * map); anything else may be one of several wrappers of the same Java object, which share one {@code id()}, so it
 * is keyed by {@code id()} itself.
 */
final class Markers {

    private final Map<PyObject, Boolean> plain = new IdentityHashMap<>();
    private Set<Long> ids;

    /** Adds {@code o}; {@code false} if it is already on the path (a circular reference). */
    boolean enter(PyObject o) {
        if (isPlain(o.getType())) {
            return plain.putIfAbsent(o, Boolean.TRUE) == null;
        }
        if (ids == null) {
            ids = new HashSet<>();
        }
        return ids.add(Py.id(o));
    }

    void leave(PyObject o) {
        if (isPlain(o.getType())) {
            plain.remove(o);
        } else if (ids != null) {
            ids.remove(Py.id(o));
        }
    }

    private static boolean isPlain(PyType type) {
        return type == PyList.TYPE || type == PyDictionary.TYPE || type == PyTuple.TYPE;
    }
}
