package org.wsgi.interp.jython.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsgi.interp.jython.Interpreters.app;
import static org.wsgi.interp.jython.Interpreters.target;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wsgi.api.exec.WsgiException;
import org.wsgi.interp.jython.FakeExchange;
import org.wsgi.interp.jython.Interpreters;
import org.wsgi.interp.jython.interp.JythonInterpreterProvider;

/** What the application writes reaches the log with the request's tag (anchors.md 1.6); truncation is logged. */
class RequestLoggingTest {

    private static final String TAG = "[client 127.0.0.1:51234] [group 'logs'] ";

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private JythonInterpreterProvider provider;
    private RequestLog.Scope observing;

    @BeforeEach
    void start() {
        provider = new JythonInterpreterProvider(Interpreters.engine());
        observing = RequestLog.observe(lines::add);
    }

    @AfterEach
    void stop() {
        observing.close();
        provider.retainGroups(g -> false);
    }

    @Test
    void stdoutAndStderrCarryTheRequestTagDuringARequest() throws Exception {
        provider.execute(target(app("logging.wsgi"), "logs", "application", false), new FakeExchange());
        assertEquals(List.of(TAG + "module loaded", TAG + "stdout line from app", TAG + "stderr line from app",
                TAG + "errors line from app"), lines, "the import ran inside the request, so it is tagged too");
    }

    @Test
    void outsideARequestLinesCarryOnlyTheGroup() throws Exception {
        provider.preload(target(app("logging.wsgi"), "logs", "application", false));
        assertEquals(List.of("[group 'logs'] module loaded"), lines);
        provider.execute(target(app("logging.wsgi"), "logs", "application", false), new FakeExchange());
        assertEquals(TAG + "stdout line from app", lines.get(1));
    }

    @Test
    void aBodyShorterThanItsContentLengthIsLogged() throws Exception {
        FakeExchange ex = new FakeExchange("GET", "/app", "/short");
        provider.execute(target(app("logging.wsgi"), "logs", "application", false), ex);
        assertEquals(20, ex.contentLength);
        assertEquals("too-short", ex.bodyText());
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith(TAG + "Truncated response from WSGI script '"), last);
        assertTrue(last.endsWith("Content-Length is 20 but only 9 bytes were sent."), last);
    }

    @Test
    void aHeadAnsweredWithTheGetsContentLengthAndNoBodyIsNoTruncation() throws Exception {
        FakeExchange ex = new FakeExchange("HEAD", "/app", "/short");
        provider.execute(target(app("logging.wsgi"), "logs", "application", false), ex);
        assertEquals(20, ex.contentLength);
        assertEquals(TAG + "errors line from app", lines.get(lines.size() - 1), "nothing logged after the app's own");
    }

    @Test
    void aResponseTheServerRefusesIsOneLineAnd500() throws Exception {
        FakeExchange ex = new FakeExchange().refuse("status line '099 Low' has a code below 100");
        WsgiException e = assertThrows(WsgiException.class,
                () -> provider.execute(target(app("hello.wsgi"), "logs", "application", false), ex));
        assertEquals(500, e.status());
        assertEquals(List.of(TAG + "Exception occurred processing WSGI script '" + app("hello.wsgi") + "'. The"
                + " response was refused: status line '099 Low' has a code below 100"), lines);
    }
}
