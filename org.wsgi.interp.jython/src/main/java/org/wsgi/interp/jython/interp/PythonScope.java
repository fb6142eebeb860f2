package org.wsgi.interp.jython.interp;

import org.python.core.Py;
import org.python.core.PySystemState;

/**
 * Runs Python code of one application group on the current thread: sets Jython's thread system state and the
 * thread context class loader, and puts both back on {@link #close()}. Use in try-with-resources.
 */
final class PythonScope implements AutoCloseable {

    private final Thread thread;
    private final ClassLoader previousLoader;
    private final PySystemState previousState;

    PythonScope(PySystemState state, ClassLoader loader) {
        thread = Thread.currentThread();
        previousLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        previousState = Py.setSystemState(state);
    }

    @Override
    public void close() {
        Py.setSystemState(previousState);
        thread.setContextClassLoader(previousLoader);
    }
}
