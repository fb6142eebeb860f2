package org.wsgi.interp.jython.json;

import org.python.core.Py;
import org.python.core.PyObject;
import org.python.core.PyType;

/**
 * What a group's {@code json.encoder} gets once it is loaded, from Jython's own {@code Lib/}: its
 * {@code _make_iterencode} replaced by {@link OneShotIterencode}, so {@code json.dumps} with {@code indent} or
 * {@code sort_keys} runs in Java instead of through one Python generator per container (about half of the CPU of a
 * request that dumps its environ as indented JSON); and what the {@code json} package gets then: its {@code dumps}
 * replaced by {@link Dumps}, which skips the Python frames around that walk. Nothing else of the modules changes.
 */
public final class JsonAccelerator {

    /** The module this patches. */
    public static final String MODULE = "json.encoder";
    /** The package this patches, after {@link #MODULE}. */
    public static final String PACKAGE = "json";
    private static final String FUNCTION = "_make_iterencode";

    private JsonAccelerator() {
    }

    /** Replaces the module's {@code _make_iterencode}, once. */
    public static void accelerate(PyObject module) {
        PyObject original = module.__findattr__(FUNCTION);
        if (original != null && !(original instanceof OneShotIterencode)) {
            module.__setattr__(FUNCTION, new OneShotIterencode(original));
        }
    }

    /** Replaces the package's {@code dumps}, once, if its encoder module was accelerated. */
    public static void acceleratePackage(PyObject json) {
        PyObject dumps = json.__findattr__("dumps");
        PyObject encoderModule = Py.getSystemState().modules.__finditem__(MODULE);
        PyObject encoderClass = json.__findattr__("JSONEncoder");
        if (dumps == null || dumps instanceof Dumps || encoderModule == null
                || !(encoderModule.__findattr__(FUNCTION) instanceof OneShotIterencode)
                || !(encoderClass instanceof PyType)
                || ((PyType) encoderClass).fastGetDict().__finditem__("default") == null) {
            return;
        }
        json.__setattr__("dumps", new Dumps(dumps, json, encoderModule, (PyType) encoderClass));
    }
}
