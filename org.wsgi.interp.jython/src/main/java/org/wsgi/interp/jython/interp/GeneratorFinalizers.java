package org.wsgi.interp.jython.interp;

import org.python.core.PyGenerator;
import org.python.core.PyObject;
import org.python.core.finalization.FinalizeTrigger;
import org.python.core.finalization.FinalizeTriggerFactory;

/**
 * Jython's finalizer hook ({@link FinalizeTrigger#factory}) set so that generators are not registered with the
 * JVM's finalizer. Jython 2.7.4 gives every {@code PyGenerator} a {@code FinalizeTrigger}, a Java object with
 * {@code finalize()}; the JVM keeps each one, with the generator and its frame, alive through an extra collection,
 * which promotes the garbage of generator-heavy requests ({@code json.dumps(indent=...)}) to the old generation.
 * The trigger made here has an empty {@code finalize()}, which HotSpot treats as no finalizer at all. The cost:
 * a generator dropped before it finished does not get {@code close()} (its {@code finally} blocks do not run) when
 * collected. Every other finalizable object (files, {@code __del__} classes) keeps Jython's trigger. See GC-NOTES.md.
 */
final class GeneratorFinalizers implements FinalizeTriggerFactory {

    /** Guards {@link FinalizeTrigger#factory} between engines (tests build several in one JVM). */
    private static final Object LOCK = new Object();

    @Override
    public FinalizeTrigger makeTrigger(PyObject toFinalize) {
        return toFinalize instanceof PyGenerator ? new Inert(toFinalize) : new Standard(toFinalize);
    }

    /** Installs the hook unless another one (JyNI) is there. Returns whether it was installed. */
    static boolean install(GeneratorFinalizers hook) {
        synchronized (LOCK) {
            if (FinalizeTrigger.factory != null) {
                return false;
            }
            FinalizeTrigger.factory = hook;
            return true;
        }
    }

    /** Removes the hook if it is still this one. */
    static void uninstall(GeneratorFinalizers hook) {
        synchronized (LOCK) {
            if (FinalizeTrigger.factory == hook) {
                FinalizeTrigger.factory = null;
            }
        }
    }

    /** Jython's own trigger, unchanged (its constructor is protected, hence the subclass). */
    private static final class Standard extends FinalizeTrigger {
        Standard(PyObject toFinalize) {
            super(toFinalize);
        }
    }

    /** A trigger the JVM never finalizes: {@code finalize()} is empty, so no finalizer reference is created. */
    private static final class Inert extends FinalizeTrigger {
        Inert(PyObject toFinalize) {
            super(toFinalize);
        }

        @Override
        @SuppressWarnings({"deprecation", "removal"})
        protected void finalize() {
            // Intentionally empty: HotSpot does not register instances of classes whose finalize() is empty.
        }
    }
}
