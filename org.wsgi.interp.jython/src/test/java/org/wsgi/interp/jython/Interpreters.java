package org.wsgi.interp.jython;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.wsgi.api.exec.ScriptTarget;
import org.wsgi.interp.jython.interp.JythonEngine;

/** Shared test fixtures: the one Jython engine of the test JVM and the test applications. */
public final class Interpreters {

    private static JythonEngine engine;

    private Interpreters() {
    }

    /** The engine; Jython's global state is initialised once per JVM, as in the bundle. */
    public static synchronized JythonEngine engine() {
        if (engine == null) {
            engine = new JythonEngine(Interpreters.class.getClassLoader(), false);
        }
        return engine;
    }

    /** A test application from src/test/resources/apps. */
    public static Path app(String name) {
        try {
            return Path.of(Interpreters.class.getResource("/apps/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of a test application in {@code dir}, for tests that change the file. */
    public static Path copy(String name, Path dir) {
        try {
            return Files.copy(app(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ScriptTarget target(Path script) {
        return new ScriptTarget(script, "", ScriptTarget.DEFAULT_CALLABLE, false);
    }

    public static ScriptTarget target(Path script, String group, String callable, boolean reloading) {
        return new ScriptTarget(script, group, callable, reloading);
    }
}
