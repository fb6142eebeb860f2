package org.wsgi.interp.jython.interp;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.python.core.Py;
import org.python.core.PyBuiltinFunctionNarrow;
import org.python.core.PyObject;
import org.python.core.imp;

/**
 * An entry of an interpreter's {@code sys.meta_path} that lets a few modules load as usual, from Jython's own
 * {@code Lib/}, and then changes them in place: {@code json.encoder} gets its encoder in Java, {@code signal} gets
 * mod_wsgi's restriction of {@code signal.signal()}. A group that never imports them pays nothing.
 * <p>
 * The finder answers only for the first import of a module it patches (a {@code reload()} re-executes the module as
 * usual, which undoes the patch), and not while its own loader imports the real module (the names being loaded by
 * the current thread; imports hold Jython's import lock, so there is no other thread to confuse anyway).
 */
final class ModulePatches extends PyObject {

    private final Map<String, Consumer<PyObject>> patches;
    private final ThreadLocal<Set<String>> loading = ThreadLocal.withInitial(HashSet::new);

    private final PyObject findModule = new PyBuiltinFunctionNarrow("find_module", 1, 2, null) {
        @Override
        public PyObject __call__(PyObject name) {
            String module = name.toString();
            boolean firstImport = patches.containsKey(module) && !loading.get().contains(module)
                    && Py.getSystemState().modules.__finditem__(module) == null;
            return firstImport ? ModulePatches.this : Py.None;
        }

        @Override
        public PyObject __call__(PyObject name, PyObject path) {
            return __call__(name);
        }
    };

    private final PyObject loadModule = new PyBuiltinFunctionNarrow("load_module", 1, 1, null) {
        @Override
        public PyObject __call__(PyObject name) {
            String module = name.toString();
            Set<String> names = loading.get();
            names.add(module);
            try {
                imp.importName(module, false);
            } finally {
                names.remove(module);
            }
            PyObject loaded = Py.getSystemState().modules.__finditem__(module);
            patches.get(module).accept(loaded);
            return loaded;
        }
    };

    /** @param patches module name to what is done to the module once it is loaded */
    ModulePatches(Map<String, Consumer<PyObject>> patches) {
        this.patches = Map.copyOf(patches);
    }

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

    @Override
    public String toString() {
        return "<org.wsgi module patches " + patches.keySet() + ">";
    }
}
