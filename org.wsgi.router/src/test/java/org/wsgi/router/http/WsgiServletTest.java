package org.wsgi.router.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.wsgi.api.Route;
import org.wsgi.api.exec.InterpreterProvider;
import org.wsgi.api.exec.ScriptTarget;
import org.wsgi.api.exec.WsgiExchange;
import org.wsgi.api.runtime.ApplicationGroupDTO;
import org.wsgi.api.runtime.RuntimeDTO;
import org.wsgi.router.conformance.FakeServletRequest;

class WsgiServletTest {

    private static final ScriptTarget TARGET = new ScriptTarget(Path.of("/srv/app.wsgi"), "", "application", true);

    /** A provider whose response write fails as Jetty's does when the client has closed the connection. */
    private static final class ClientGone implements InterpreterProvider {
        final List<String> ran = new ArrayList<>();

        @Override
        public void execute(ScriptTarget target, WsgiExchange exchange) {
            ran.add(exchange.environ().get("SCRIPT_NAME"));
            throw new UncheckedIOException(new IOException("Broken pipe"));
        }

        @Override
        public void preload(ScriptTarget target) {
        }

        @Override
        public void retainGroups(Predicate<ApplicationGroupDTO> keep) {
        }

        @Override
        public boolean reload(String applicationGroup) {
            return false;
        }

        @Override
        public List<ApplicationGroupDTO> applicationGroups() {
            return List.of();
        }
    }

    @Test
    void aClientThatWentAwayEndsTheRequestQuietly() {
        Route route = new Route(Route.Outcome.WSGI, 200, "", TARGET, "/app", "", "", "localhost", "/var/www",
                Map.of(), false, false, 0, 1);
        ClientGone provider = new ClientGone();
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
}
