package org.wsgi.router.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.wsgi.api.Route;
import org.wsgi.api.config.DirectorySettings;

/**
 * mod_alias's redirects at the edges the routing fixture (conformance/routing/redirect) does not reach, each answer
 * checked against the reference.
 */
class RedirectsTest {

    private static final Map<String, String> VARS = Map.of("REQUEST_SCHEME", "http", "SERVER_NAME", "h",
            "SERVER_PORT", "8080");

    private static Redirects of(List<String>... entries) {
        DirectorySettings s = new DirectorySettings(null, null, null, null, null, null, null, List.of(), null, null,
                Map.of(), List.of(), null, Map.of(Redirects.KEY, List.of(entries)));
        return Redirects.of(s, null);
    }

    private static Route apply(Redirects r, String uri, String query) {
        return r.apply(uri, query, VARS::get, 1);
    }

    @Test
    void aStatusApacheHasNoLineForIsAnsweredAsAServerError() {
        Route r = apply(of(List.of("prefix", "418", "/tea", ""), List.of("prefix", "1000", "/k", "")), "/tea", null);
        assertEquals(Route.Outcome.ERROR, r.outcome());
        assertEquals(500, r.status());
        assertEquals(500, apply(of(List.of("prefix", "1000", "/k", "")), "/k/x", null).status());
    }

    @Test
    void aRedirectMatchToARelativeTargetIsAServerError() {
        assertEquals(500, apply(of(List.of("match", "302", "^/rel/(.*)$", "foo/$1")), "/rel/abc", null).status());
    }

    @Test
    void aBackslashTakesTheNextCharacterAsItIs() {
        Route r = apply(of(List.of("match", "302", "^/bs/(.*)$", "http://example.com/a\\.b/$1")), "/bs/x", null);
        assertEquals("http://example.com/a.b/x", r.reason());
    }

    @Test
    void theRestOfThePathIsEscapedAndTheQueryAppendedUnlessTheTargetHasOne() {
        Redirects r = of(List.of("prefix", "301", "/one", "/two"), List.of("prefix", "302", "/q", "http://e/q?own=1"));
        Route moved = apply(r, "/one/a b;c", "x=%20");
        assertEquals(301, moved.status());
        assertEquals("http://h:8080/two/a%20b;c?x=%20", moved.reason());
        assertEquals("http://e/q?own=1/z", apply(r, "/q/z", "req=2").reason());
        assertNull(apply(r, "/onetwo", null));
    }
}
