package org.wsgi.interp.jython.interp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.python.core.CompileMode;
import org.python.core.CompilerFlags;
import org.python.core.Py;
import org.python.core.PyException;
import org.python.core.PyList;
import org.python.core.PyObject;
import org.python.core.PyStringMap;
import org.python.core.PySystemState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsgi.interp.jython.gateway.Tracebacks;

/**
 * {@code WSGIPythonPath} in a new interpreter, as mod_wsgi 4.9.4 applies it (checked against the reference): each
 * directory is added as {@code site.addsitedir} adds it (the directory, then what its {@code .pth} files name, in file
 * name order, lines starting with {@code import} executed), and everything added goes to the front of
 * {@code sys.path}, in that order. Jython's {@code site} module is not imported for it: importing it would run its
 * start-up, which a mod_wsgi interpreter does not get here either.
 */
final class PythonPath {

    private static final Logger LOG = LoggerFactory.getLogger(PythonPath.class);

    private PythonPath() {
    }

    /**
     * Adds {@code dirs} (absolute) to the state's {@code sys.path} as {@code site.addsitedir} does, appending as it
     * goes (so a {@code .pth} file's {@code import} lines see what came before), then moves every entry that was
     * not there before to the front, in order, as mod_wsgi does. The state is the thread's current one.
     */
    static void prepend(PySystemState state, List<String> dirs, String group) {
        if (dirs.isEmpty()) {
            return;
        }
        PyList path = state.path;
        List<PyObject> before = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (PyObject entry : path.asIterable()) {
            before.add(entry);
            known.add(Path.of(entry.toString()).toAbsolutePath().normalize().toString());
        }
        for (String dir : dirs) {
            Path site = Path.of(dir);
            if (known.add(site.toString())) {
                path.append(Py.newString(site.toString()));
            }
            for (Path pth : pthFiles(site)) {
                addPackage(site, pth, known, path, group);
            }
        }
        Set<String> old = new HashSet<>();
        before.forEach(entry -> old.add(entry.toString()));
        List<PyObject> added = new ArrayList<>();
        for (PyObject entry : path.asIterable()) {
            if (!old.contains(entry.toString())) {
                added.add(entry);
            }
        }
        path.clear();
        added.forEach(path::append);
        before.forEach(path::append);
    }

    private static List<Path> pthFiles(Path site) {
        try (Stream<Path> names = Files.list(site)) {
            return names.filter(p -> p.getFileName().toString().endsWith(".pth")).sorted().toList();
        } catch (IOException e) {
            return List.of(); // as addsitedir: a directory that cannot be listed adds only itself
        }
    }

    /** {@code site.addpackage}: one {@code .pth} file; an error ends the file, as it does there. */
    private static void addPackage(Path site, Path pth, Set<String> known, PyList path, String group) {
        List<String> lines;
        try {
            lines = Files.readAllLines(pth, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return;
        }
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.startsWith("#")) {
                continue;
            }
            try {
                if (line.startsWith("import ") || line.startsWith("import\t")) {
                    PyObject globals = new PyStringMap();
                    Py.exec(Py.compile_flags(line, pth.toString(), CompileMode.exec, new CompilerFlags()), globals,
                            globals);
                    continue;
                }
                Path dir = site.resolve(line.stripTrailing()).toAbsolutePath().normalize();
                if (!known.contains(dir.toString()) && Files.exists(dir)) {
                    known.add(dir.toString());
                    path.append(Py.newString(dir.toString()));
                }
            } catch (RuntimeException e) { // a PyException from an import line, or a bad path
                LOG.error("[group '{}'] Error processing line {} of {}: {}; remainder of file ignored", group, n + 1, pth,
                        e instanceof PyException p ? Tracebacks.summary(p) : e.toString());
                return;
            }
        }
    }
}
