package org.wsgi.interp.jython.interp;

import org.python.core.Py;
import org.python.core.PyObject;

/**
 * {@code sys.stdin} or {@code sys.stdout} under {@code WSGIRestrictStdin}/{@code WSGIRestrictStdout On}: as
 * mod_wsgi's {@code Restricted} object, any use of it ({@code read}, {@code write}, {@code print}, ...) raises
 * {@code IOError: sys.stdout access restricted by mod_wsgi}. Immutable.
 */
final class Restricted extends PyObject {

    private final String name;

    Restricted(String name) {
        this.name = name;
    }

    @Override
    public PyObject __findattr_ex__(String attribute) {
        throw Py.IOError(name + " access restricted by mod_wsgi");
    }

    @Override
    public String toString() {
        return "<mod_wsgi.Restricted " + name + ">";
    }
}
