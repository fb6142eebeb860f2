package org.wsgi.interp.jython.interp;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

import org.python.core.Py;
import org.python.core.PyFile;
import org.python.core.PyList;
import org.python.core.PyObject;
import org.python.core.PySystemState;
import org.wsgi.interp.jython.gateway.LogStream;
import org.wsgi.interp.jython.gateway.RequestLog;
import org.wsgi.interp.jython.json.JsonAccelerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owner of Jython's process-wide state: the only caller of {@code PySystemState.initialize}, and the factory of the
 * per-group {@code PySystemState}s. Constructed once by whoever hosts the interpreters (the DS component), with the
 * class loader that sees Jython's jar and its {@code Lib/} (the bundle class loader).
 */
public final class JythonEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JythonEngine.class);

    private final ClassLoader loader;
    private final GeneratorFinalizers finalizers;
    private final boolean accelerateJson;
    private final ProcessGuard guard;

    /** An engine with the JSON accelerator on. */
    public JythonEngine(ClassLoader loader, boolean finalizeGenerators) {
        this(loader, finalizeGenerators, true);
    }

    /**
     * @param loader the class loader Jython and Python imports use
     * @param finalizeGenerators {@code false} to keep generators away from the JVM finalizer (GC-NOTES.md)
     * @param accelerateJson {@code true} to have each group's {@code json.dumps} encode in Java
     *        ({@link JsonAccelerator})
     */
    public JythonEngine(ClassLoader loader, boolean finalizeGenerators, boolean accelerateJson) {
        this(loader, finalizeGenerators, accelerateJson, new ProcessGuard());
    }

    /** @param guard what application code may do to the shared process, as the configuration says */
    public JythonEngine(ClassLoader loader, boolean finalizeGenerators, boolean accelerateJson, ProcessGuard guard) {
        this.loader = loader;
        this.guard = guard;
        this.accelerateJson = accelerateJson;
        Properties props = new Properties();
        props.setProperty("python.path", "__pyclasspath__/Lib");
        props.setProperty("python.import.site", "false");
        props.setProperty("python.cachedir.skip", "true");
        props.setProperty("python.console.encoding", "UTF-8");
        long start = System.nanoTime();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            PySystemState.initialize(System.getProperties(), props, new String[0], loader);
        } finally {
            thread.setContextClassLoader(previous);
        }
        if (finalizeGenerators) {
            finalizers = null;
        } else {
            GeneratorFinalizers hook = new GeneratorFinalizers();
            finalizers = GeneratorFinalizers.install(hook) ? hook : null;
            if (finalizers == null) {
                LOG.warn("Another Jython finalizer hook is installed; generators keep their finalizers");
            }
        }
        LOG.info("Jython {} initialised in {} ms (generator finalizers {}, json accelerator {})",
                PySystemState.version, (System.nanoTime() - start) / 1_000_000, finalizers == null ? "on" : "off",
                accelerateJson ? "on" : "off");
    }

    /** The class loader for Jython: set as the thread context class loader while Python code runs. */
    public ClassLoader classLoader() {
        return loader;
    }

    /** A group's state with the default settings, owned by no group table (tests, tools). */
    public PySystemState newGroupState(String group) {
        return newGroupState(group, InterpreterSettings.DEFAULT, runAtexit -> { });
    }

    /**
     * A fresh interpreter state for one application group: its own {@code sys.modules} and {@code sys.path}, and
     * {@code sys.stdout}/{@code sys.stderr} that log lines marked with the request being served by the writing thread
     * (the group's name outside requests), unless {@code settings} restrict them, and an empty {@code sys.stdin}
     * (Apache's is {@code /dev/null}; the JVM's own would read the operator's terminal). {@code exit} discards the
     * group when its code would end the process ({@link ProcessGuard}).
     */
    PySystemState newGroupState(String group, InterpreterSettings settings, ProcessGuard.GroupExit exit) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            PySystemState state = new PySystemState();
            // Its own builtins (and __builtin__ module), as a sub-interpreter has: Jython's states share one dict.
            state.setBuiltins(PySystemState.getDefaultBuiltins().__getattr__("copy").__call__());
            state.setClassLoader(loader);
            state.argv = new PyList(new PyObject[] {Py.newString("mod_wsgi")});
            LogStream stdout = new LogStream("<sys.stdout>", RequestLog.groupOutput(group));
            state.stdout = settings.restrictStdout() ? new Restricted("sys.stdout") : stdout;
            state.stderr = new LogStream("<sys.stderr>", RequestLog.groupOutput(group));
            state.__stdout__ = stdout;
            state.__stderr__ = state.stderr;
            PyObject stdin = new PyFile(new ByteArrayInputStream(new byte[0]), "<stdin>", "r", -1, false);
            state.stdin = settings.restrictStdin() ? new Restricted("sys.stdin") : stdin;
            state.__stdin__ = stdin;
            Map<String, Consumer<PyObject>> patches = new HashMap<>();
            patches.put("signal", guard.signalPatch(group));
            if (accelerateJson) {
                patches.put(JsonAccelerator.MODULE, JsonAccelerator::accelerate);
                patches.put(JsonAccelerator.PACKAGE, JsonAccelerator::acceleratePackage);
            }
            state.meta_path.append(new ModulePatches(patches));
            PySystemState before = Py.setSystemState(state);
            try {
                preImportOs();
                PythonPath.prepend(state, settings.pythonPath(), group);
            } finally {
                Py.setSystemState(before);
            }
            guard.guardOs(state, group, exit);
            return state;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * A CPython interpreter (and so each mod_wsgi sub-interpreter) has {@code os} imported at start-up. Without
     * site, a fresh Jython state does not, and a script whose first import is {@code posixpath} then fails on the
     * os/posixpath import cycle ("cannot import name curdir"). Importing {@code os} first mirrors CPython.
     */
    private static void preImportOs() {
        org.python.core.imp.importName("os", true);
    }

    @Override
    public void close() {
        if (finalizers != null) {
            GeneratorFinalizers.uninstall(finalizers);
        }
    }
}
