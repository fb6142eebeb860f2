package org.wsgi.router.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.wsgi.api.Route;
import org.wsgi.api.exec.ScriptTarget;
import org.wsgi.api.exec.WsgiException;
import org.wsgi.api.exec.WsgiExchange;
import org.wsgi.api.runtime.RuntimeDTO;
import org.wsgi.router.conformance.FakeServletRequest;

class WsgiServletTest {

    private static final ScriptTarget TARGET = new ScriptTarget(Path.of("/srv/app.wsgi"), "", "application", true);

    /** What a fake provider does with a request, as the gateway would. */
    private interface Action {
        void run(WsgiExchange exchange) throws Exception;
    }

    /** A provider running one action; a failure before the headers went out is a 500, as the gateway makes it. */
    private static final class Fake extends RunOnlyProvider {
        final List<String> ran = new ArrayList<>();
        private final Action action;

        Fake(Action action) {
            this.action = action;
        }

        @Override
        public void execute(ScriptTarget target, WsgiExchange exchange) throws WsgiException {
            ran.add(exchange.environ().get("SCRIPT_NAME"));
            try {
                action.run(exchange);
            } catch (UncheckedIOException e) {
                throw e;
            } catch (Exception e) {
                throw new WsgiException(500, "Exception occurred processing WSGI script", e);
            }
        }
    }

    @Test
    void aClientThatWentAwayEndsTheRequestQuietly() {
        Route route = new Route(Route.Outcome.WSGI, 200, "", TARGET, "/app", "", "", "localhost", "/var/www",
                Map.of(), false, false, 0, 1);
        // A response write that fails as Jetty's does when the client has closed the connection.
        Fake provider = new Fake(exchange -> {
            throw new UncheckedIOException(new IOException("Broken pipe"));
        });
        WsgiServlet servlet = new WsgiServlet(request -> route, () -> provider, () -> null,
                new CgiEnvironment("admin"), new StatusHandler(RuntimeDTO::new));
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                    throw new AssertionError("nothing may be sent after the client went away: " + m.getName());
                });
        assertDoesNotThrow(() -> servlet.service(
                FakeServletRequest.of("GET", "/app", null, List.of(Map.entry("Host", "localhost")), 80), response));
        assertEquals(List.of("/app"), provider.ran);
    }

    @Test
    void aChunkedBodyPastLimitRequestBodyIsAnswered413EvenIfTheApplicationGoesOn() throws Exception {
        Route route = new Route(Route.Outcome.WSGI, 200, "", TARGET, "/app", "", "", "localhost", "/var/www",
                Map.of(), false, true, 10, 1);
        List<String> seen = new ArrayList<>();
        Fake provider = new Fake(exchange -> {
            byte[] buf = new byte[8];
            try (var in = exchange.input()) {
                while (in.read(buf, 0, buf.length) > 0) {
                    seen.add("read");
                }
            } catch (IOException e) {
                seen.add(e.getMessage());
            }
            exchange.sendHeaders("200 OK", List.of(), -1); // the application caught the error and answers
        });
        WsgiServlet servlet = new WsgiServlet(request -> route, () -> provider, () -> null,
                new CgiEnvironment("admin"), new StatusHandler(RuntimeDTO::new));
        var plain = FakeServletRequest.of("POST", "/app", null, List.of(Map.entry("Host", "localhost"),
                Map.entry("Transfer-Encoding", "chunked")), 80);
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> m.getName().equals("getInputStream")
                        ? TestBodies.of(new byte[20])
                        : m.invoke(plain, args));
        List<Integer> statuses = new ArrayList<>();
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "setStatus" -> {
                        statuses.add((Integer) args[0]);
                        yield null;
                    }
                    case "isCommitted" -> false;
                    case "getOutputStream" -> new jakarta.servlet.ServletOutputStream() {
                        @Override
                        public void write(int b) {
                        }

                        @Override
                        public boolean isReady() {
                            return true;
                        }

                        @Override
                        public void setWriteListener(jakarta.servlet.WriteListener l) {
                        }
                    };
                    default -> null;
                });
        servlet.service(request, response);
        assertEquals("read", seen.get(0), "the first 8 bytes are within the limit");
        assertTrue(seen.get(1).contains("larger than the configured limit of 10"), seen.toString());
        assertEquals(List.of(413), statuses);
    }
}
