package org.wsgi.router.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.wsgi.api.EnvironOptions;
import org.wsgi.api.ProxyTrust;
import org.wsgi.api.Route;
import org.wsgi.api.exec.ScriptTarget;
import org.wsgi.router.conformance.FakeServletRequest;

class CgiEnvironmentTest {

    private static final Route ROUTE = new Route(Route.Outcome.WSGI, 200, "", new ScriptTarget(
            Path.of("/srv/app.wsgi"), "", "application", true), "/app", "", "", "localhost", "/var/www", Map.of(),
            false, false, 0, 1);

    /** A request as Jetty shows it: {@code getScheme()} from the target, attributes as given. */
    private static HttpServletRequest request(String uri, String query, String scheme, String cipherSuite,
            List<Map.Entry<String, String>> headers) {
        HttpServletRequest plain = FakeServletRequest.of("GET", uri, query, headers, 8080);
        return (HttpServletRequest) Proxy.newProxyInstance(CgiEnvironmentTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getScheme" -> scheme;
                    case "getAttribute" -> "jakarta.servlet.request.cipher_suite".equals(args[0]) ? cipherSuite
                            : null;
                    default -> m.invoke(plain, args);
                });
    }

    private static Map<String, String> environ(HttpServletRequest req) {
        return new CgiEnvironment("admin").build(req, ROUTE, "id", 0);
    }

    @Test
    void theSchemeIsTheConnectionsNotTheTargets() {
        Map<String, String> plain = environ(request("/app", null, "https", null, List.of(Map.entry("Host", "h"))));
        assertEquals("http", plain.get("wsgi.url_scheme"), "GET https://... over plain HTTP");
        assertEquals("http", plain.get("REQUEST_SCHEME"));
        assertEquals("80", plain.get("SERVER_PORT"));
        Map<String, String> tls = environ(request("/app", null, "https", "TLS_AES_128_GCM_SHA256",
                List.of(Map.entry("Host", "h"))));
        assertEquals("https", tls.get("wsgi.url_scheme"));
        assertEquals("443", tls.get("SERVER_PORT"));
    }

    @Test
    void rawBytesOfTheTargetArriveAsTheClientSentThem() {
        // Jetty decoded the raw bytes C3 A9 as UTF-8 ("\u00e9"); the application gets the two bytes as latin-1.
        Map<String, String> env = environ(request("/app/\u00e9", "x=\u00e9", "http", null,
                List.of(Map.entry("Host", "h"))));
        assertEquals("/app/\u00c3\u00a9?x=\u00c3\u00a9", env.get("REQUEST_URI"));
        assertEquals("x=\u00c3\u00a9", env.get("QUERY_STRING"));
    }

    @Test
    void withoutAHostHeaderTheServerPortIsTheSchemesDefault() {
        // An HTTP/1.0 request without Host, on a listener at 8080: Apache reports 80 (checked with the reference).
        assertEquals("80", environ(request("/app", null, "http", null, List.of())).get("SERVER_PORT"));
    }

    @Test
    void trustedProxyHeadersAndTheServersAdminReachTheEnviron() {
        Route behindProxy = new Route(Route.Outcome.WSGI, 200, "", ROUTE.target(), "/app", "", "", "localhost",
                "/var/www", Map.of(), false, false, 0, 1, null, new EnvironOptions(
                new ProxyTrust(List.of("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO"), List.of()), "ops@example.com",
                false, false));
        HttpServletRequest req = request("/app", null, "http", null, List.of(Map.entry("Host", "h"),
                Map.entry("X-Forwarded-For", "1.2.3.4"), Map.entry("X-Forwarded-Proto", "https"),
                Map.entry("X-Real-IP", "9.9.9.9")));
        Map<String, String> env = new CgiEnvironment("admin").build(req, behindProxy, "id", 0);
        assertEquals("1.2.3.4", env.get("REMOTE_ADDR"));
        assertEquals("https", env.get("wsgi.url_scheme"));
        assertFalse(env.containsKey("HTTP_X_REAL_IP"), "a rival of the trusted client header");
        assertEquals("ops@example.com", env.get("SERVER_ADMIN"));
        assertEquals("admin", environ(req).get("SERVER_ADMIN"), "no ServerAdmin: the container's");
        assertEquals("9.9.9.9", environ(req).get("HTTP_X_REAL_IP"), "no trusted headers: nothing changes");
    }

    @Test
    void headMapsToGetAndSendfileIsAnnouncedWhenConfigured() {
        Route options = new Route(Route.Outcome.WSGI, 200, "", ROUTE.target(), "/app", "", "", "localhost",
                "/var/www", Map.of(), false, false, 0, 1, null, new EnvironOptions(null, null, true, true));
        HttpServletRequest head = FakeServletRequest.of("HEAD", "/app", null, List.of(Map.entry("Host", "h")), 8080);
        Map<String, String> env = new CgiEnvironment("admin").build(head, options, "id", 0);
        assertEquals("GET", env.get("REQUEST_METHOD"));
        assertEquals("1", env.get("mod_wsgi.enable_sendfile"));
        Map<String, String> plain = new CgiEnvironment("admin").build(head, ROUTE, "id", 0);
        assertEquals("HEAD", plain.get("REQUEST_METHOD"));
        assertEquals("0", plain.get("mod_wsgi.enable_sendfile"));
    }

    @Test
    void aProxyHeaderNeverBecomesHttpProxy() {
        Map<String, String> env = environ(request("/app", null, "http", null,
                List.of(Map.entry("Host", "h"), Map.entry("Proxy", "http://evil:1/"), Map.entry("X-Other", "1"))));
        assertFalse(env.containsKey("HTTP_PROXY"), env.toString());
        Map<String, String> withCredentials = environ(request("/app", null, "http", null, List.of(Map.entry("Host",
                "h"), Map.entry("Proxy-Authorization", "Basic abc"), Map.entry("Authorization", "Basic xyz"))));
        assertFalse(withCredentials.containsKey("HTTP_PROXY_AUTHORIZATION"), "never passed, as Apache (checked)");
        assertFalse(withCredentials.containsKey("HTTP_AUTHORIZATION"), "only with WSGIPassAuthorization On");
        assertEquals("1", env.get("HTTP_X_OTHER"));
    }
}
