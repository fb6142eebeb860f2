package org.wsgi.interp.jython.gateway;

import org.python.core.PyBuiltinCallable;
import org.python.core.PyBuiltinMethodNarrow;
import org.python.core.PyObject;

/**
 * A Python-visible method written in Java. Subclasses override the {@code __call__} arities they accept; Jython
 * answers any other arity with a {@code TypeError}. Plain Java objects: no finalizer, nothing registered anywhere.
 */
abstract class JavaMethod extends PyBuiltinMethodNarrow {

    JavaMethod(String name, int minArgs, int maxArgs) {
        super(name, minArgs, maxArgs);
    }

    /** These methods are created already bound to their Java owner, so binding returns the method itself. */
    @Override
    public PyBuiltinCallable bind(PyObject bindTo) {
        return this;
    }
}
