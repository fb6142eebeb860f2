package org.wsgi.interp.jython.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsgi.interp.jython.Interpreters.app;
import static org.wsgi.interp.jython.Interpreters.target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsgi.api.config.DirectorySettings;
import org.wsgi.api.config.ServerConfig;
import org.wsgi.api.config.SourceLocation;
import org.wsgi.api.config.WsgiConfiguration;
import org.wsgi.api.exec.ScriptTarget;
import org.wsgi.api.exec.WsgiException;
import org.wsgi.interp.jython.FakeExchange;
import org.wsgi.interp.jython.ProviderTestSupport;

/**
 * The main server's interpreter directives, as real mod_wsgi 4.9.4 applies them (recorded with modwsgi-ref):
 * {@code WSGIPythonPath} first on {@code sys.path} with its {@code .pth} files, standard streams restricted only when
 * asked, an empty {@code sys.stdin} otherwise, and a change reaching groups by making them anew.
 */
class InterpreterSettingsTest extends ProviderTestSupport {

    @TempDir
    Path dir;

    private String call(String query) throws WsgiException {
        for (String callable : List.of("application", "validated")) {
            ScriptTarget t = target(app("stdio.wsgi"), "stdio-" + callable, callable, false);
            FakeExchange ex = new FakeExchange().put("QUERY_STRING", query);
            provider.execute(t, ex);
            assertEquals("200 OK", ex.status);
            if (callable.equals("validated")) {
                return ex.bodyText();
            }
        }
        throw new IllegalStateException();
    }

    @Test
    void stdinIsEmptyAndStdoutLogsByDefault() throws WsgiException {
        assertEquals("read=''", call("stdin"));
        assertEquals("wrote", call("stdout"));
    }

    @Test
    void restrictedStreamsRefuseEveryUse() throws WsgiException {
        provider.settings(new InterpreterSettings(List.of(), true, true));
        assertEquals("sys.stdin access restricted by mod_wsgi", call("stdin"));
        assertEquals("sys.stdout access restricted by mod_wsgi", call("stdout"));
    }

    @Test
    void pythonPathComesFirstWithItsPthFilesAndAChangeMakesGroupsAnew() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path extra = Files.createDirectories(a.resolve("extra"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Files.writeString(a.resolve("moda.py"), "X = 'from a'\n");
        Files.writeString(b.resolve("moda.py"), "X = 'from b'\n");
        Files.writeString(a.resolve("my.pth"), "# a comment\nextra\nmissing\n"
                + "import sys; sys.pth_ran = '" + extra + "' in sys.path\n");
        assertEquals("No module named moda", call("path"));

        provider.settings(new InterpreterSettings(List.of(a.toString(), b.toString()), false, false));
        assertEquals("path=" + a + "|" + extra + "|" + b + " moda=from a pth-import=True", call("path"));

        provider.settings(new InterpreterSettings(List.of(b.toString()), false, false));
        assertEquals("path=" + b + "|", call("path").substring(0, ("path=" + b + "|").length()));
        assertTrue(call("path").endsWith(" moda=from b pth-import=False"), "a fresh interpreter: " + call("path"));
        assertFalse(call("path").contains(a.toString()));
    }

    @Test
    void settingsComeFromTheMainServersLastDirectives() {
        WsgiConfiguration c = configuration(Map.of(
                "WSGIPythonPath", List.of(List.of("/x:/y"), List.of("lib:/abs")),
                "WSGIRestrictStdin", List.of(List.of("On")),
                "WSGIRestrictStdout", List.of(List.of("on"), List.of("Off")),
                "WSGIRestrictSignal", List.of(List.of("Off"))));
        assertEquals(new InterpreterSettings(List.of(dir.resolve("lib").toString(), "/abs"), true, false),
                InterpreterSettings.from(c));
        assertFalse(InterpreterSettings.restrictSignal(c));
        WsgiConfiguration none = configuration(Map.of());
        assertEquals(InterpreterSettings.DEFAULT, InterpreterSettings.from(none));
        assertTrue(InterpreterSettings.restrictSignal(none), "WSGIRestrictSignal is On by default");
    }

    private WsgiConfiguration configuration(Map<String, List<List<String>>> directives) {
        DirectorySettings settings = new DirectorySettings(null, null, null, null, null, null, null, List.of(), null,
                null, Map.of(), List.of(), null, directives);
        ServerConfig main = new ServerConfig("localhost", 0, List.of(), List.of(), null, List.of(), List.of(), settings,
                List.of(), new SourceLocation("x.conf", 1));
        return new WsgiConfiguration(1, dir.toString(), List.of(), main, List.of(), List.of(), List.of());
    }
}
