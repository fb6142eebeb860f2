package org.wsgi.router.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.wsgi.api.Route;
import org.wsgi.api.config.DirectorySettings;

/** PCRE's POSIX classes mean in our router what they mean to Apache (checked with RedirectMatch there). */
class PcreTest {

    @Test
    void posixClassesInBrackets() {
        assertTrue(Pcre.compile("^/px/[[:digit:]]+$").matcher("/px/123").matches());
        assertFalse(Pcre.compile("^/px/[[:digit:]]+$").matcher("/px/dig").matches());
        assertTrue(Pcre.compile("^[^[:space:]]+$").matcher("a-b").matches());
        assertFalse(Pcre.compile("^[^[:space:]]+$").matcher("a b").matches());
        assertTrue(Pcre.compile("^[[:alnum:]_-]+$").matcher("Ab_1-").matches());
        assertEquals("^/a(b)$", Pcre.translate("^/a(b)$"));
        // found by review against the reference
        assertTrue(Pcre.compile("^/neg/[[:^digit:]]+$").matcher("/neg/abc").matches());
        assertFalse(Pcre.compile("^/neg/[[:^digit:]]+$").matcher("/neg/a1").matches());
        assertTrue(Pcre.compile("^/lit\\[:alpha:]$").matcher("/lit[:alpha:]").matches(), "escaped: no class");
        assertTrue(Pcre.compile("^[][:digit:]]+$").matcher("]1]").matches(), "a ']' first is a member");
    }

    @Test
    void aPatternTooDeepForJavaOnALongUriIsAServerErrorNotACrash() {
        DirectorySettings s = new DirectorySettings(null, null, null, null, null, null, null, List.of(), null, null,
                Map.of(), List.of(), null, Map.of(Redirects.KEY, List.of(List.of("match", "302", "^/so/(a|b)*$",
                        "http://example.com/deep"))));
        RoutingTable t = new Configs().settings(s).table(new FakeFiles(java.util.Set.of(), java.util.Set.of()));
        Route r = t.route(new org.wsgi.api.RouteRequest("GET", "http", "localhost", 80, "/so/" + "a".repeat(200_000),
                null, "127.0.0.1", Map.of()));
        assertEquals(500, r.status());
    }

    @Test
    void aRedirectMatchWithAPosixClassRedirects() {
        DirectorySettings s = new DirectorySettings(null, null, null, null, null, null, null, List.of(), null, null,
                Map.of(), List.of(), null, Map.of(Redirects.KEY, List.of(List.of("match", "302",
                        "^/px/[[:digit:]]+$", "http://example.com/num"))));
        Route r = Redirects.of(s, null).apply("/px/123", null, name -> null, 1);
        assertEquals(302, r.status());
        assertEquals("http://example.com/num", r.reason());
    }
}
