package org.wsgi.router.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.wsgi.api.EnvironOptions;
import org.wsgi.api.ProxyTrust;
import org.wsgi.api.Route;
import org.wsgi.api.RouteRequest;
import org.wsgi.api.WsgiRouter;
import org.wsgi.api.exec.ScriptTarget;
import org.wsgi.api.exec.WsgiException;
import org.wsgi.api.exec.WsgiExchange;
import org.wsgi.api.runtime.RuntimeDTO;
import org.wsgi.router.conformance.FakeServletRequest;

/** {@code ErrorDocument} as the servlet answers it (recorded from the reference: routing/error-document). */
class ErrorAnswerTest {

    private static final ScriptTarget ERR = new ScriptTarget(Path.of("/srv/err.wsgi"), "", "application", true);
    private static final ScriptTarget APP = new ScriptTarget(Path.of("/srv/app.wsgi"), "", "application", true);

    /** What reached the client. */
    private static final class Sent {
        int status;
        final Map<String, String> headers = new LinkedHashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        String body() {
            return body.toString(StandardCharsets.ISO_8859_1);
        }

        HttpServletResponse response() {
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> switch (m.getName()) {
                        case "setStatus" -> {
                            status = (Integer) args[0];
                            yield null;
                        }
                        case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                        case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                        case "reset" -> {
                            headers.clear();
                            body.reset();
                            yield null;
                        }
                        case "isCommitted" -> false;
                        case "getOutputStream" -> new ServletOutputStream() {
                            @Override
                            public void write(int b) {
                                body.write(b);
                            }

                            @Override
                            public boolean isReady() {
                                return true;
                            }

                            @Override
                            public void setWriteListener(WriteListener l) {
                            }
                        };
                        default -> null;
                    });
        }
    }

    /** An interpreter that answers with the environ it was given, or fails for {@link #APP}. */
    private static final class Provider extends RunOnlyProvider {
        final List<Map<String, String>> environs = new ArrayList<>();

        @Override
        public void execute(ScriptTarget target, WsgiExchange exchange) throws WsgiException {
            if (target == APP) {
                throw new WsgiException(500, "Exception occurred processing WSGI script", new RuntimeException());
            }
            environs.add(new LinkedHashMap<>(exchange.environ()));
            try {
                exchange.sendHeaders("200 OK", List.of(Map.entry("Content-Type", "text/plain")), 2);
                exchange.body().write(new byte[] {'o', 'k'});
                exchange.body().flush();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static EnvironOptions documents(Map<Integer, String> documents) {
        return new EnvironOptions(ProxyTrust.NONE, null, false, false, null, 0, EnvironOptions.ETAG_DEFAULT,
                documents);
    }

    private static Route error(int status, Map<Integer, String> documents) {
        return new Route(Route.Outcome.ERROR, status, "File does not exist: /var/www/missing", null, "", "", "", "",
                "", Map.of(), false, false, 0, 1, null, documents(documents));
    }

    private static Route wsgi(ScriptTarget target, String scriptName, Map<Integer, String> documents) {
        return new Route(Route.Outcome.WSGI, 200, "", target, scriptName, "", "", "localhost", "/var/www",
                Map.of("FROM_SETENV", "yes"), false, false, 0, 1, null, documents(documents));
    }

    private static Sent get(WsgiRouter router, Provider provider, String method, String uri, String query)
            throws Exception {
        WsgiServlet servlet = new WsgiServlet(router, () -> provider, () -> null, new CgiEnvironment("admin"),
                new StatusHandler(RuntimeDTO::new));
        Sent sent = new Sent();
        servlet.service(FakeServletRequest.of(method, uri, query, List.of(Map.entry("Host", "localhost")), 80),
                sent.response());
        return sent;
    }

    @Test
    void aMessageIsSentAloneAsHtmlWithTheErrorsStatus() throws Exception {
        Sent sent = get(r -> error(404, Map.of(404, "\"Not here at all")), new Provider(), "GET", "/missing", null);
        assertEquals(404, sent.status);
        assertEquals("text/html; charset=iso-8859-1", sent.headers.get("Content-Type"));
        assertEquals("Not here at all", sent.body());
    }

    @Test
    void aFullUrlIsARedirectWithApachesPage() throws Exception {
        Sent sent = get(r -> error(405, Map.of(405, "http://example.com/405")), new Provider(), "DELETE", "/x", null);
        assertEquals(302, sent.status);
        assertEquals("http://example.com/405", sent.headers.get("Location"));
        assertTrue(sent.body().contains("<p>The document has moved <a href=\"http://example.com/405\">here</a>.</p>"),
                sent.body());
    }

    @Test
    void aLocalDocumentRunsAsAGetWithTheRedirectVariablesAndAnswersWithItsOwnStatus() throws Exception {
        List<RouteRequest> routed = new ArrayList<>();
        Provider provider = new Provider();
        Sent sent = get(r -> {
            routed.add(r);
            return r.rawPath().equals("/err") ? wsgi(ERR, "/err", Map.of())
                    : error(404, Map.of(404, "/err?from=error"));
        }, provider, "POST", "/missing", "a=1");
        assertEquals(200, sent.status);
        assertEquals("ok", sent.body());
        assertEquals("GET", routed.get(1).method());
        assertEquals("GET", provider.environs.get(0).get("REQUEST_METHOD"));
        Map<String, String> environ = provider.environs.get(0);
        assertEquals("GET", environ.get("REQUEST_METHOD"));
        assertEquals("from=error", environ.get("QUERY_STRING"));
        assertEquals("/missing?a=1", environ.get("REQUEST_URI"));
        assertEquals("404", environ.get("REDIRECT_STATUS"));
        assertEquals("/missing", environ.get("REDIRECT_URL"));
        assertEquals("a=1", environ.get("REDIRECT_QUERY_STRING"));
        assertEquals("POST", environ.get("REDIRECT_REQUEST_METHOD"));
        assertEquals("/err", environ.get("SCRIPT_NAME"));
    }

    @Test
    void aFailingApplicationGetsItsDocumentAndTheRedirectSeesAnEmptyQuery() throws Exception {
        Provider provider = new Provider();
        Map<Integer, String> docs = Map.of(500, "\"Server broke: sorry"); // a message, marked as Apache marks it
        Sent message = get(r -> wsgi(APP, "/app", docs), provider, "GET", "/app", null);
        assertEquals(500, message.status);
        assertEquals("Server broke: sorry", message.body());
        Sent local = get(r -> r.rawPath().equals("/err") ? wsgi(ERR, "/err", Map.of())
                : wsgi(APP, "/app", Map.of(500, "/err")), provider, "GET", "/app", null);
        assertEquals(200, local.status);
        assertEquals("", provider.environs.get(0).get("REDIRECT_QUERY_STRING"));
        assertEquals("yes", provider.environs.get(0).get("REDIRECT_FROM_SETENV"));
        assertEquals("", provider.environs.get(0).get("QUERY_STRING"));
        // mod_wsgi had put the failed application's CGI variables into Apache's environment
        assertEquals("/app", provider.environs.get(0).get("REDIRECT_SCRIPT_NAME"));
        assertEquals("localhost", provider.environs.get(0).get("REDIRECT_HTTP_HOST"));
        assertEquals("/err", provider.environs.get(0).get("SCRIPT_NAME"));
    }

    @Test
    void aDocumentThatFailsTooGivesTheFirstErrorsPageWithApachesParagraph() throws Exception {
        Sent sent = get(r -> r.rawPath().equals("/gone") ? error(404, Map.of(404, "/gone"))
                : error(403, Map.of(403, "/gone")), new Provider(), "GET", "/denied", null);
        assertEquals(403, sent.status);
        assertTrue(sent.body().contains("<h1>Forbidden</h1>"), sent.body());
        assertTrue(sent.body().endsWith("<p>Additionally, a 403 Forbidden\nerror was encountered while trying to use "
                + "an ErrorDocument to handle the request.</p>\n</body></html>\n"), sent.body());
    }

    @Test
    void withoutADocumentTheServersOwnPage() throws Exception {
        Sent sent = get(r -> error(404, Map.of(500, "\"x y")), new Provider(), "GET", "/missing", null);
        assertEquals(404, sent.status);
        assertTrue(sent.body().contains("<p>The requested URL was not found on this server.</p>"), sent.body());
        assertNull(sent.headers.get("Location"));
    }

    @Test
    void aHeadAndA401ChallengeReachTheDocumentAsApacheHandsThemOn() throws Exception {
        Provider provider = new Provider();
        WsgiServlet servlet = new WsgiServlet(r -> r.rawPath().equals("/err") ? wsgi(ERR, "/err", Map.of())
                : new Route(Route.Outcome.ERROR, 401, "Basic realm=\"x\"", null, "", "", "", "", "", Map.of(), false,
                        false, 0, 1, null, documents(Map.of(401, "/err"))), () -> provider, () -> null,
                new CgiEnvironment("admin"), new StatusHandler(RuntimeDTO::new));
        Sent sent = new Sent();
        servlet.service(FakeServletRequest.of("HEAD", "/locked", null, List.of(Map.entry("Host", "localhost")), 80),
                sent.response());
        assertEquals("GET", provider.environs.get(0).get("REQUEST_METHOD"));
        assertEquals("401", provider.environs.get(0).get("REDIRECT_STATUS"));
        assertEquals("Basic realm=\"x\"", sent.headers.get("WWW-Authenticate"));
    }

    @Test
    void aDocumentRefusedForTheSameReasonEndsInTheFirstErrorsPageNotALoop() throws Exception {
        Provider provider = new Provider();
        WsgiServlet servlet = new WsgiServlet(r -> r.rawPath().equals("/err") ? wsgi(ERR, "/err", Map.of())
                : wsgi(ERR, "/x", Map.of(501, "/err")), () -> provider, () -> null, new CgiEnvironment("admin"),
                new StatusHandler(RuntimeDTO::new));
        Sent sent = new Sent();
        servlet.service(FakeServletRequest.of("POST", "/x", null, List.of(Map.entry("Host", "localhost"),
                Map.entry("Transfer-Encoding", "gzip")), 80), sent.response());
        assertEquals(501, sent.status);
        assertTrue(sent.body().contains("<p>Additionally, a 501 Not Implemented\nerror was encountered"), sent.body());
        assertEquals(List.of(), provider.environs, "neither application ran");
    }
}
