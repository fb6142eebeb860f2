package org.wsgi.interp.jython.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsgi.interp.jython.Interpreters.app;
import static org.wsgi.interp.jython.Interpreters.target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsgi.api.exec.ScriptTarget;
import org.wsgi.api.exec.WsgiException;
import org.wsgi.interp.jython.FakeExchange;
import org.wsgi.interp.jython.Interpreters;
import org.wsgi.interp.jython.ProviderTestSupport;
import org.wsgi.interp.jython.gateway.RequestLog;

/**
 * Application code cannot take the shared JVM with it: signal handlers are not registered (WSGIRestrictSignal On,
 * as real mod_wsgi 4.9.4 answers: the handler handed back, not installed, a warning with the caller's stack), and
 * os._exit or a signal to this process discards only the calling group. Without the guard these tests end the test
 * JVM, which fails the build.
 */
class ProcessGuardTest extends ProviderTestSupport {

    @TempDir
    Path dir;

    private final ScriptTarget process = target(app("process.wsgi"), "guarded", "application", false);
    private final ScriptTarget validated = target(app("process.wsgi"), "guarded", "validated", false);

    private String call(JythonInterpreterProvider p, String action) throws WsgiException {
        return call(p, process, action);
    }

    private String call(JythonInterpreterProvider p, ScriptTarget target, String action) throws WsgiException {
        FakeExchange ex = new FakeExchange().put("HTTP_X_ACTION", action)
                .put("HTTP_X_MARKER", dir.resolve("marker.txt").toString());
        p.execute(target, ex);
        assertEquals("200 OK", ex.status);
        return ex.bodyText();
    }

    @Test
    void signalRegistrationIsIgnoredWithAWarningAndTheCallersStack() throws WsgiException {
        List<String> lines = new CopyOnWriteArrayList<>();
        String body;
        try (RequestLog.Scope observed = RequestLog.observe(lines::add)) {
            body = call(provider, "signal SIGTERM");
        }
        assertEquals("requests=1 returned-handler=True installed=False", body);
        assertEquals("requests=2 returned-handler=True installed=False", call(provider, validated, "signal SIGTERM"));
        assertTrue(lines.stream().anyMatch(l -> l.endsWith("Callback registration for signal 15 ignored.")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("process.wsgi\", line") && l.contains("in application")),
                "the caller's stack: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.contains("previous = signal.signal(signum, handler)")), lines.toString());
    }

    @Test
    void withWsgiRestrictSignalOffAHandlerIsRegistered() throws WsgiException {
        ProcessGuard guard = new ProcessGuard();
        guard.restrictSignal(false);
        JythonInterpreterProvider open = new JythonInterpreterProvider(
                new JythonEngine(Interpreters.class.getClassLoader(), true, true, guard));
        try {
            // SIGHUP: the app puts the JVM's own handler back at once.
            assertEquals("requests=1 returned-handler=False installed=True", call(open, "signal SIGHUP"));
            guard.restrictSignal(true);
            assertEquals("requests=2 returned-handler=True installed=False", call(open, "signal SIGHUP"),
                    "the setting is read on each call");
        } finally {
            open.retainGroups(g -> false);
        }
    }

    @Test
    void osExitDiscardsTheGroupWithoutItsAtexitHandlers() throws Exception {
        assertEquals("requests=1", call(provider, ""));
        assertEquals("requests=2", call(provider, ""));
        List<String> lines = new CopyOnWriteArrayList<>();
        try (RequestLog.Scope observed = RequestLog.observe(lines::add)) {
            WsgiException e = assertThrows(WsgiException.class, () -> call(provider, "exit"));
            assertEquals(500, e.status());
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("os._exit(3) would end the server's process")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("SystemExit: 3")), "it does not return: " + lines);
        assertFalse(provider.applicationGroups().stream().anyMatch(g -> g.name.equals("guarded")), "discarded");
        assertFalse(Files.exists(dir.resolve("marker.txt")), "os._exit runs no atexit handlers");
        assertEquals("requests=1", call(provider, ""), "the next request makes the group again");
    }

    @Test
    void aSignalToThisProcessIsNotSentAndDiscardsTheGroup() throws Exception {
        assertEquals("requests=1 probe=None", call(provider, "probe"));
        assertTrue(provider.applicationGroups().stream().anyMatch(g -> g.name.equals("guarded")), "signal 0 only probes");
        assertEquals("requests=2 kill=None", call(provider, "term"));
        assertEquals("atexit ran", Files.readString(dir.resolve("marker.txt")), "SIGTERM ends a process cleanly");
        assertEquals("requests=1", call(provider, ""), "the next request makes the group again");
    }
}
