package org.wsgi.router.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.wsgi.api.exec.ResponseRefusedException;

class ServletExchangeTest {

    private final List<String> calls = new ArrayList<>();
    private final HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                calls.add(m.getName() + Arrays.toString(args));
                return null;
            });
    private final ServletExchange exchange = new ServletExchange(null, response, null, null, "127.0.0.1", "id", 0,
            new DirectWrites(1));

    @Test
    void theServerOwnsDateAndServerAndContentTypeIsSentOnce() throws Exception {
        exchange.sendHeaders("200 OK", List.of(Map.entry("Date", "Mon, 01 Jan 2001 00:00:00 GMT"),
                Map.entry("Server", "app/1.0"), Map.entry("Content-Type", "text/plain"),
                Map.entry("content-type", "text/html"), Map.entry("Set-Cookie", "a=1"),
                Map.entry("Set-Cookie", "b=2"), Map.entry("Content-Length", "5")), 5);
        assertEquals(List.of("setStatus[200]", "setHeader[Content-Type, text/plain]",
                "setHeader[content-type, text/html]", "addHeader[Set-Cookie, a=1]", "addHeader[Set-Cookie, b=2]",
                "setContentLengthLong[5]"), calls);
    }

    @Test
    void noContentAndNotModifiedCarryNeitherContentTypeNorLength() throws Exception {
        exchange.sendHeaders("304 Not Modified", List.of(Map.entry("Content-Type", "text/plain"),
                Map.entry("ETag", "\"x\""), Map.entry("Content-Length", "5")), 5);
        assertEquals(List.of("setStatus[304]", "addHeader[ETag, \"x\"]"), calls);
    }

    @Test
    void aCodeBelow100FailsBeforeAnythingIsSent() {
        assertThrows(ResponseRefusedException.class, () -> exchange.sendHeaders("099 Low", List.of(), -1));
        assertEquals(List.of(), calls);
        assertFalse(exchange.headersSent(), "the gateway can still answer 500");
    }

    @Test
    void theBodyIsOpenedOnlyWhenTheApplicationReadsIt() throws Exception {
        List<String> opened = new ArrayList<>();
        jakarta.servlet.http.HttpServletRequest request = (jakarta.servlet.http.HttpServletRequest) Proxy
                .newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {jakarta.servlet.http.HttpServletRequest.class}, (proxy, m, args) -> {
                            if (m.getName().equals("getInputStream")) {
                                opened.add("opened"); // Jetty answers Expect: 100-continue here
                                return TestBodies.of("abc".getBytes());
                            }
                            return m.getName().equals("getContentLengthLong") ? 3L : null;
                        });
        org.wsgi.api.Route route = new org.wsgi.api.Route(org.wsgi.api.Route.Outcome.WSGI, 200, "",
                new org.wsgi.api.exec.ScriptTarget(java.nio.file.Path.of("/srv/app.wsgi"), "", "application", true),
                "/app", "", "", "localhost", "/var/www", Map.of(), false, false, 0, 1);
        ServletExchange ex = new ServletExchange(request, response, route, null, "127.0.0.1", "id", 0,
                new DirectWrites(1));
        var in = ex.input();
        in.close();
        assertEquals(List.of(), opened, "an application that never reads does not ask for the body");
        assertEquals('a', ex.input().read());
        assertEquals(List.of("opened"), opened);
    }
}
