package org.wsgi.router.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.wsgi.api.ProxyTrust;

/**
 * Trusted proxy headers, case by case as real mod_wsgi 4.9.4 answered them (modwsgi-ref, a client on 127.0.0.1,
 * an app printing the variables): what is rewritten, what is removed, what is left alone.
 */
class ProxyHeadersTest {

    private static Map<String, String> request(String... headers) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("REMOTE_ADDR", "127.0.0.1");
        env.put("wsgi.url_scheme", "http");
        env.put("REQUEST_SCHEME", "http");
        env.put("HTTP_HOST", "localhost:18606");
        env.put("SERVER_NAME", "localhost");
        env.put("SERVER_PORT", "18606");
        env.put("SCRIPT_NAME", "/proxy");
        for (String h : headers) {
            String[] kv = h.split(": ", 2);
            env.put("HTTP_" + kv[0].toUpperCase().replace('-', '_'), kv[1]);
        }
        return env;
    }

    private static Map<String, String> apply(List<String> trusted, List<String> proxies, String... headers) {
        Map<String, String> env = request(headers);
        ProxyHeaders.apply(env, new ProxyTrust(trusted.stream().map(h -> "HTTP_" + h.toUpperCase().replace('-', '_'))
                .toList(), proxies));
        return new TreeMap<>(env);
    }

    @Test
    void everyClassRewritesItsVariableAndItsRivalsAreRemoved() {
        Map<String, String> env = apply(List.of("X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host",
                "X-Forwarded-Port", "X-Forwarded-Script-Name", "X-Forwarded-Server"), List.of(),
                "X-Forwarded-For: 1.2.3.4,5.6.7.8", "X-Real-IP: 9.9.9.9", "X-Forwarded-Proto: https", "X-Scheme: http",
                "X-Forwarded-Host: example.com", "X-Forwarded-Port: 8443", "X-Forwarded-Script-Name: /mounted",
                "X-Script-Name: /other", "X-Forwarded-Server: front.example.com", "X-Forwarded-SSL: on");
        assertEquals("1.2.3.4", env.get("REMOTE_ADDR"), "no proxies listed: the first address");
        assertEquals("1.2.3.4,5.6.7.8", env.get("HTTP_X_FORWARDED_FOR"), "left as sent");
        assertEquals("https", env.get("wsgi.url_scheme"));
        assertEquals("http", env.get("REQUEST_SCHEME"));
        assertEquals("example.com", env.get("HTTP_HOST"));
        assertEquals("front.example.com", env.get("SERVER_NAME"));
        assertEquals("8443", env.get("SERVER_PORT"));
        assertEquals("/mounted", env.get("SCRIPT_NAME"));
        assertEquals("/mounted", env.get("mod_wsgi.mount_point"));
        for (String gone : List.of("HTTP_X_REAL_IP", "HTTP_X_SCHEME", "HTTP_X_SCRIPT_NAME", "HTTP_X_FORWARDED_SSL")) {
            assertFalse(env.containsKey(gone), gone);
        }
    }

    @Test
    void forwardedForIsWalkedFromTheRightPastTrustedProxies() {
        List<String> trusted = List.of("X-Forwarded-For", "X-Forwarded-Proto");
        List<String> proxies = List.of("127.0.0.1", "5.6.7.8");
        Map<String, String> env = apply(trusted, proxies, "X-Forwarded-For: 1.2.3.4, 5.6.7.8");
        assertEquals("1.2.3.4", env.get("REMOTE_ADDR"));
        assertEquals("1.2.3.4, 5.6.7.8", env.get("HTTP_X_FORWARDED_FOR"));
        env = apply(trusted, proxies, "X-Forwarded-For: 1.2.3.4, 6.6.6.6, 5.6.7.8");
        assertEquals("6.6.6.6", env.get("REMOTE_ADDR"));
        assertEquals("6.6.6.6, 5.6.7.8", env.get("HTTP_X_FORWARDED_FOR"), "what precedes the client is dropped");
        assertEquals("5.6.7.8", apply(trusted, proxies, "X-Forwarded-For: 5.6.7.8").get("REMOTE_ADDR"));
        env = apply(trusted, proxies, "X-Forwarded-For: bogus");
        assertEquals("bogus", env.get("REMOTE_ADDR"));
        assertEquals("bogus", env.get("HTTP_X_FORWARDED_FOR"));
    }

    @Test
    void fromAClientThatIsNoTrustedProxyNothingIsRewrittenAndTheClassesAreRemoved() {
        Map<String, String> env = apply(List.of("X-Forwarded-For", "X-Forwarded-Proto"), List.of("10.0.0.1"),
                "X-Forwarded-For: 1.2.3.4", "X-Forwarded-Proto: https", "X-Real-IP: 9.9.9.9", "X-Forwarded-Port: 1");
        assertEquals("127.0.0.1", env.get("REMOTE_ADDR"));
        assertEquals("http", env.get("wsgi.url_scheme"));
        for (String gone : List.of("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO", "HTTP_X_REAL_IP")) {
            assertFalse(env.containsKey(gone), gone);
        }
        assertTrue(env.containsKey("HTTP_X_FORWARDED_PORT"), "not trusted here, so not touched");
    }

    @Test
    void aTlsConnectionStaysHttpsWhateverTheProxySays() {
        Map<String, String> env = request("X-Forwarded-Proto: http");
        env.put("REQUEST_SCHEME", "https");
        env.put("wsgi.url_scheme", "https");
        ProxyHeaders.apply(env, new ProxyTrust(List.of("HTTP_X_FORWARDED_PROTO"), List.of()));
        assertEquals("https", env.get("wsgi.url_scheme"));
    }

    @Test
    void addressesAreAsApachePrintsThem() {
        assertEquals("::1", CgiNames.address("[0:0:0:0:0:0:0:1]"));
        assertEquals("2001:db8::1:0:0:1", CgiNames.address("[2001:db8:0:0:1:0:0:1]"));
        assertEquals("fe80::1", CgiNames.address("fe80:0:0:0:0:0:0:1"));
        assertEquals("1:2:3:4:5:6:7:8", CgiNames.address("[1:2:3:4:5:6:7:8]"));
        assertEquals("127.0.0.1", CgiNames.address("127.0.0.1"));
    }

    @Test
    void schemeHeadersInTheOrderWrittenTheLastOneWithAValueCounts() {
        List<String> trusted = List.of("X-Forwarded-HTTPS", "X-Real-IP", "X-Forwarded-Proto");
        Map<String, String> env = apply(trusted, List.of(), "X-Forwarded-HTTPS: on", "X-Real-IP: 9.9.9.9");
        assertEquals("https", env.get("wsgi.url_scheme"));
        assertEquals("9.9.9.9", env.get("REMOTE_ADDR"));
        env = apply(trusted, List.of(), "X-Forwarded-HTTPS: off", "X-Forwarded-Proto: https");
        assertEquals("https", env.get("wsgi.url_scheme"));
        assertFalse(env.containsKey("HTTP_X_FORWARDED_HTTPS"), "only the header that decided stays");
        assertEquals("https", apply(trusted, List.of(), "X-Forwarded-HTTPS: 1").get("wsgi.url_scheme"));
        assertEquals("https", apply(trusted, List.of(), "X-Forwarded-HTTPS: true").get("wsgi.url_scheme"));
        assertEquals("https", apply(trusted, List.of(), "X-Forwarded-Proto: HTTPS").get("wsgi.url_scheme"));
        env = apply(trusted, List.of(), "X-Forwarded-Proto: ftp");
        assertEquals("http", env.get("wsgi.url_scheme"));
        assertEquals("ftp", env.get("HTTP_X_FORWARDED_PROTO"));
    }
}
