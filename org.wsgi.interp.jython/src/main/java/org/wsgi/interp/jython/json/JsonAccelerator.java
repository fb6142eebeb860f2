package org.wsgi.interp.jython.json;

import org.python.core.Py;
import org.python.core.PyBuiltinFunctionNarrow;
import org.python.core.PyObject;
import org.python.core.imp;

/**
 * An entry of an interpreter's {@code sys.meta_path} that lets {@code json.encoder} load as usual, from Jython's own
 * {@code Lib/}, and then replaces its {@code _make_iterencode} with {@link OneShotIterencode}: {@code json.dumps}
 * with {@code indent} or {@code sort_keys} then runs in Java instead of through one Python generator per container
 * (about half of the CPU of a request that dumps its environ as indented JSON). Nothing else of the module changes,
 * and an application that never imports {@code json} pays nothing.
 * <p>
 * The finder answers only for the first import of {@code json.encoder} (a {@code reload()} re-executes the module
 * as usual, which puts the Python encoder back), and not while its own loader imports the real module (a
 * per-thread flag; imports hold Jython's import lock, so there is no other thread to confuse anyway).
 */
public final class JsonAccelerator extends PyObject {

    private static final String MODULE = "json.encoder";
    private static final String FUNCTION = "_make_iterencode";

    private final ThreadLocal<Boolean> loading = new ThreadLocal<>();
    private final PyObject findModule = new PyBuiltinFunctionNarrow("find_module", 1, 2, null) {
        @Override
        public PyObject __call__(PyObject name) {
            boolean firstImport = MODULE.equals(name.toString()) && loading.get() == null
                    && Py.getSystemState().modules.__finditem__(MODULE) == null;
            return firstImport ? JsonAccelerator.this : Py.None;
        }

        @Override
        public PyObject __call__(PyObject name, PyObject path) {
            return __call__(name);
        }
    };
    private final PyObject loadModule = new PyBuiltinFunctionNarrow("load_module", 1, 1, null) {
        @Override
        public PyObject __call__(PyObject name) {
            loading.set(Boolean.TRUE);
            try {
                imp.importName(MODULE, false);
            } finally {
                loading.remove();
            }
            PyObject module = Py.getSystemState().modules.__finditem__(MODULE);
            accelerate(module);
            return module;
        }
    };

    @Override
    public PyObject __findattr_ex__(String name) {
        switch (name) {
            case "find_module":
                return findModule;
            case "load_module":
                return loadModule;
            default:
                return super.__findattr_ex__(name);
        }
    }

    /** Replaces the module's {@code _make_iterencode}, once. */
    static void accelerate(PyObject module) {
        PyObject original = module.__findattr__(FUNCTION);
        if (original != null && !(original instanceof OneShotIterencode)) {
            module.__setattr__(FUNCTION, new OneShotIterencode(original));
        }
    }

    @Override
    public String toString() {
        return "<org.wsgi json accelerator>";
    }
}
