package org.wsgi.interp.jython.interp;

import java.nio.file.attribute.FileTime;

import org.python.core.PyObject;

/**
 * One execution of a script file as a module: immutable, so a request that started with it keeps using it while a
 * reload swaps in the next one.
 *
 * @param module the module name, {@code _mod_wsgi_<md5>}
 * @param globals the module's namespace
 * @param mtime the file's modification time read before it was executed
 * @param loadedAt epoch milliseconds of the load
 */
record LoadedScript(String module, PyObject globals, FileTime mtime, long loadedAt) {

    /** The module-level object of that name, or {@code null}. */
    PyObject callable(String name) {
        return globals.__finditem__(name);
    }
}
