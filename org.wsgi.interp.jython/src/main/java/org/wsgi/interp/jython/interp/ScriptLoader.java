package org.wsgi.interp.jython.interp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.python.core.CompileMode;
import org.python.core.CompilerFlags;
import org.python.core.Py;
import org.python.core.PyCode;
import org.python.core.PyModule;
import org.python.core.PyObject;
import org.python.core.PySystemState;

/**
 * Executes a WSGI script file as mod_wsgi does: a module named {@code _mod_wsgi_} + the MD5 of the script's
 * absolute path, registered in {@code sys.modules} while it runs, compiled with the file name so tracebacks name
 * the file. The caller has entered the group's {@link PythonScope}.
 */
final class ScriptLoader {

    private ScriptLoader() {
    }

    /** mod_wsgi's module name for a script path. */
    static String moduleName(Path script) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5")
                    .digest(script.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
            return "_mod_wsgi_" + HexFormat.of().formatHex(md5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a required JDK algorithm", e);
        }
    }

    /**
     * Executes the file in a fresh module, replacing any previous module of that name in {@code sys.modules}. On a
     * Python error the module is removed again and the {@code PyException} propagates.
     */
    static LoadedScript load(Path script, String module, FileTime mtime, PySystemState sys) throws IOException {
        PyModule m = new PyModule(module);
        PyObject globals = m.__dict__;
        String file = script.toAbsolutePath().toString();
        globals.__setitem__("__file__", Py.newStringOrUnicode(file));
        globals.__setitem__("__mtime__", Py.newLong(mtime.toMillis()));
        sys.modules.__setitem__(module, m);
        try (InputStream in = Files.newInputStream(script)) {
            PyCode code = Py.compile_flags(in, file, CompileMode.exec, new CompilerFlags());
            Py.runCode(code, globals, globals);
        } catch (RuntimeException | IOException e) {
            if (sys.modules.__finditem__(module) == m) {
                sys.modules.__delitem__(module);
            }
            throw e;
        }
        return new LoadedScript(module, globals, mtime, System.currentTimeMillis());
    }
}
