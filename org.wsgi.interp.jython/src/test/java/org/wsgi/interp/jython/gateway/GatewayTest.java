package org.wsgi.interp.jython.gateway;

import org.wsgi.interp.jython.ProviderTestSupport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsgi.interp.jython.Interpreters.app;
import static org.wsgi.interp.jython.Interpreters.target;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.python.core.PyException;
import org.wsgi.api.exec.WsgiException;
import org.wsgi.interp.jython.FakeExchange;
import org.wsgi.interp.jython.Interpreters;

/** The PEP 3333 gateway through the provider, each app plain and wrapped in wsgiref.validate. */
class GatewayTest extends ProviderTestSupport {


    private FakeExchange run(String script, String callable, FakeExchange ex) throws WsgiException {
        provider.execute(target(app(script), "gateway", callable, false), ex);
        return ex;
    }

    private FakeExchange get(String script, String callable, String pathInfo) throws WsgiException {
        return run(script, callable, new FakeExchange("GET", "/app", pathInfo));
    }

    @ParameterizedTest
    @CsvSource({
        "/read, validated, 'l1\nline2\nl3'",
        "/read-all, application, 'l1\nline2\nl3'",
        "/readn, validated, 'l1\n|lin|e2\n|l3'",
        "/readline, validated, 'l1\n|line2\n|l3'",
        "/readline-n, application, 'l1|\n|line2\n'",
        "/readlines, validated, 'l1\n|line2\n|l3'",
        "/readlines-hint, validated, 'l1\n'",
        "/iter, validated, 'l1\n|line2\n|l3'",
        "/iter, application, 'l1\n|line2\n|l3'"})
    void input(String mode, String callable, String expected) throws Exception {
        FakeExchange ex = run("input.wsgi", callable,
                new FakeExchange("POST", "/app", mode).body("l1\nline2\nl3"));
        assertEquals("200 OK", ex.status);
        assertEquals(expected, ex.bodyText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application", "validated"})
    void writeCallable(String callable) throws Exception {
        FakeExchange ex = get("write.wsgi", callable, "");
        assertEquals("200 OK", ex.status);
        assertEquals("Hello World!", ex.bodyText());
        assertEquals(-1, ex.contentLength);
    }

    @ParameterizedTest
    @CsvSource({"GET, 0", "HEAD, -1"})
    void anEmptyBodyIsContentLengthZeroButAHeadsSaysNothingOfTheLength(String method, long length) throws Exception {
        // Apache: GET gets Content-Length: 0; HEAD gets neither a length nor chunking (a GET may have a body).
        FakeExchange ex = run("write.wsgi", "validated", new FakeExchange(method, "/app", "/empty"));
        assertEquals("200 OK", ex.status);
        assertEquals(length, ex.contentLength);
    }

    @Test
    void aLargeBodyGoesOutWholeInOrderAndIsCutAtItsContentLength() throws Exception {
        // 25,000 bytes through write() and 15,000 in a block: more than one copy buffer each (Response.BUFFER),
        // the cut falls inside the second block's first slice.
        FakeExchange ex = get("write.wsgi", "application", "/large");
        StringBuilder expected = new StringBuilder();
        for (int i = 0; expected.length() < 30_000; i++) {
            expected.append(String.format("%05d,", i));
        }
        assertEquals(30_000, ex.contentLength);
        assertEquals(expected.substring(0, 30_000), ex.bodyText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application", "validated"})
    void iterableCloseIsCalled(String callable) throws Exception {
        FakeExchange sized = run("generator.wsgi", callable, new FakeExchange().put("HTTP_X_SIZE", "3"));
        assertEquals("first;" + "x".repeat(300) + "last", sized.bodyText());
        assertEquals("first;last", get("generator.wsgi", callable, "").bodyText());
        assertEquals("gen-a;gen-b", get("generator.wsgi", callable, "/generator").bodyText());
        assertEquals("3", get("generator.wsgi", callable, "/closed").bodyText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application", "validated"})
    void blocksOfAnIterableAreFlushedAsTheyComeListItemsTogether(String callable) throws Exception {
        // A generator's or an iterator's blocks each go out before the next is asked for (PEP 3333; mod_wsgi
        // flushes every block); the items of a list exist already and leave together, flushed once at the end.
        assertEquals(java.util.List.of(6, 11, 11), get("generator.wsgi", callable, "/generator").flushes());
        assertEquals(java.util.List.of(6, 10, 10), get("generator.wsgi", callable, "").flushes());
        FakeExchange written = get("write.wsgi", callable, "");
        assertEquals("Hello World!", written.bodyText());
        // write() pushes at once (an empty one has nothing to push); the list is flushed with the end of the response
        java.util.List<Integer> flushes = written.flushes();
        assertEquals(6, flushes.get(0));
        assertEquals(12, flushes.get(flushes.size() - 1));
        java.util.List<Integer> blocks = flushes.subList(0, flushes.size() - 1); // the last: the end of the response
        assertEquals(blocks.size(), new java.util.HashSet<>(blocks).size(), "a flush with nothing new: " + flushes);
    }

    @Test
    void closeIsCalledWhenIterationFailsAfterHeaders() throws Exception {
        FakeExchange ex = new FakeExchange("GET", "/app", "/fail");
        assertThrows(PyException.class, () -> run("generator.wsgi", "application", ex));
        assertEquals("200 OK", ex.status);
        assertEquals("first;", ex.bodyText());
        assertEquals("1", get("generator.wsgi", "application", "/closed").bodyText());
    }

    @Test
    void closeIsCalledWhenTheClientGoesAway() throws Exception {
        FakeExchange ex = new FakeExchange("GET", "/app", "/big").put("HTTP_X_SIZE", "50").failAfter(150);
        java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (RequestLog.Scope observing = RequestLog.observe(lines::add)) {
            assertThrows(UncheckedIOException.class, () -> run("generator.wsgi", "application", ex));
        }
        assertEquals("1", get("generator.wsgi", "application", "/closed").bodyText());
        // One line with the reason, as mod_wsgi logs it; no traceback for a client that went away.
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches(".*Failed to write response data for WSGI script '.*generator\\.wsgi': "
                + "Broken pipe"), lines.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application", "validated"})
    void excInfoBeforeHeadersReplacesTheStatus(String callable) throws Exception {
        FakeExchange ex = get("excinfo.wsgi", callable, "/before");
        assertEquals("500 Internal Server Error", ex.status);
        assertEquals("error page", ex.bodyText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application", "validated"})
    void excInfoAfterHeadersIsReraised(String callable) {
        FakeExchange ex = new FakeExchange("GET", "/app", "/after");
        PyException e = assertThrows(PyException.class, () -> run("excinfo.wsgi", callable, ex));
        assertTrue(Tracebacks.summary(e).contains("raised after the headers were sent"), Tracebacks.summary(e));
        assertEquals("200 OK", ex.status);
        assertEquals("partial", ex.bodyText());
    }

    @Test
    void secondStartResponseBeforeOutputReplacesTheFirst() throws Exception {
        FakeExchange ex = get("excinfo.wsgi", "application", "/twice");
        assertEquals("404 Not Found", ex.status, "mod_wsgi is more tolerant than PEP 3333 here");
        assertEquals("never", ex.bodyText());
    }

    @ParameterizedTest
    @CsvSource({
        "/no-start, RuntimeError: response has not been started",
        "/no-start-empty, RuntimeError: response has not been started",
        "/crlf, ValueError",
        "/hop, hop-by-hop header 'Transfer-Encoding'",
        "/status, ValueError: status code is not a 3 digit integer",
        "/name, invalid header name 'Bad Name'",
        "/tuple-headers, TypeError: response headers must be a list",
        "/text-body, TypeError: sequence of byte string values expected",
        "/raise, RuntimeError: application failed"})
    void brokenResponsesAre500BeforeAnythingIsSent(String path, String expected) {
        FakeExchange ex = new FakeExchange("GET", "/app", path);
        WsgiException e = assertThrows(WsgiException.class, () -> run("broken.wsgi", "application", ex));
        assertEquals(500, e.status());
        assertEquals("Exception occurred processing WSGI script '" + app("broken.wsgi") + "'.", e.getMessage());
        assertTrue(Tracebacks.summary(e.getCause()).contains(expected), Tracebacks.summary(e.getCause()));
        assertFalse(ex.headersSent());
        assertNull(ex.headers);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application", "validated"})
    void fileWrapper(String callable) throws Exception {
        String source = Files.readString(app("filewrapper.wsgi"));
        FakeExchange real = get("filewrapper.wsgi", callable, "");
        assertEquals(source, real.bodyText());
        assertEquals(source, get("filewrapper.wsgi", callable, "/filelike").bodyText());
        assertEquals(source.substring(10, 30), get("filewrapper.wsgi", callable, "/offset").bodyText());
    }

    @Test
    void fileWrapperHandsAChannelTheFileInLargeBuffers() throws Exception {
        String source = Files.readString(app("filewrapper.wsgi"));
        FakeExchange whole = run("filewrapper.wsgi", "application", new FakeExchange("GET", "/app", "").channelBody());
        assertEquals(source, whole.bodyText());
        assertEquals(java.util.List.of(source.length()), whole.bufferWrites);
        FakeExchange offset = run("filewrapper.wsgi", "application",
                new FakeExchange("GET", "/app", "/offset").channelBody());
        assertEquals(source.substring(10, 30), offset.bodyText());
        assertEquals(java.util.List.of(20), offset.bufferWrites);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/chdir", "/renamed"})
    void fileWrapperSendsTheFileTheApplicationOpened(String path, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "the file opened");
        Files.writeString(dir.resolve("b.txt"), "another file");
        FakeExchange ex = run("filewrapper_paths.wsgi", "application",
                new FakeExchange("GET", "/app", path).put("HTTP_X_DIR", dir.toString()));
        assertEquals("the file opened", ex.bodyText());
        assertEquals("15", ex.header("Content-Length"), "sent from Java, with its length");
    }

    @Test
    void realFileIsSentFromJavaNotBytePerByte() throws Exception {
        FakeExchange ex = get("filewrapper.wsgi", "application", "");
        assertTrue(ex.writes() < 10, "blksize=1 through Python would take one write per byte: " + ex.writes());
    }

    @Test
    void headersOfAnEmptyBodyAreSentAtTheEnd() throws Exception {
        FakeExchange ex = get("generator.wsgi", "application", "/closed");
        assertEquals(1, ex.sendHeadersCalls());
    }
}
