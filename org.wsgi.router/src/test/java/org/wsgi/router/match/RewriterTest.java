package org.wsgi.router.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.wsgi.api.config.DirectorySettings;

class RewriterTest {

    private static Rewriter rules(List<String>... directives) {
        List<List<String>> rewrite = new ArrayList<>(List.of(directives));
        DirectorySettings s = new DirectorySettings(null, null, null, null, null, null, null, List.of(), null, null,
                Map.of(), List.of(), null, Map.of("RewriteEngine", List.of(List.of("On")),
                        DirectorySettings.REWRITE, rewrite));
        return Rewriter.of(s);
    }

    private static Rewriter.Result apply(Rewriter r, String uri, String query, Map<String, String> vars) {
        return r.apply(uri, query, vars::get);
    }

    @Test
    void engineOffMeansNoRewriter() {
        assertNull(Rewriter.of(DirectorySettings.EMPTY));
    }

    @Test
    void conditionBackReferenceFeedsAnEnvironmentFlag() {
        Rewriter r = rules(List.of("RewriteCond", "%{REQUEST_URI}", "^/~([^/]+)"),
                List.of("RewriteRule", ".", "-", "[E=APPLICATION_GROUP:~%1]"));
        Rewriter.Result out = apply(r, "/~carol/app", null, Map.of("REQUEST_URI", "/~carol/app"));
        assertEquals(Map.of("APPLICATION_GROUP", "~carol"), out.env());
        assertEquals("/~carol/app", out.uri());
        assertEquals(Map.of(), apply(r, "/other", null, Map.of("REQUEST_URI", "/other")).env());
    }

    @Test
    void negatedFileTestAndPassThroughWithQueryAppend() {
        Rewriter r = rules(List.of("RewriteCond", "%{REQUEST_FILENAME}", "!-f"),
                List.of("RewriteRule", "^(.*)$", "/site.wsgi/$1?from=rw", "[QSA,PT,L]"),
                List.of("RewriteRule", ".*", "/never"));
        Rewriter.Result out = apply(r, "/foo/bar", "x=1", Map.of("REQUEST_FILENAME", "/no/such/file"));
        assertEquals("/site.wsgi//foo/bar", out.uri());
        assertEquals("from=rw&x=1", out.query());
    }

    @Test
    void forbiddenGoneAndRedirect() {
        assertEquals(403, apply(rules(List.of("RewriteRule", "^/secret", "-", "[F]")), "/secret/x", null,
                Map.of()).status());
        assertEquals(410, apply(rules(List.of("RewriteRule", "^/old", "-", "[G]")), "/old", null, Map.of()).status());
        Rewriter.Result moved = apply(rules(List.of("RewriteRule", "^/a/(.*)", "http://example.com/b/$1",
                "[R=301,L]")), "/a/x", null, Map.of());
        assertEquals(301, moved.status());
        assertEquals("http://example.com/b/x", moved.location());
    }

    /** Recorded from the reference (Apache 2.4.71), where conformance/routing/error-pages does not cover it. */
    @Test
    void aRedirectKeepsTheQueryEscapesTheSubstitutionAndQualifiesALocalPath() {
        Map<String, String> vars = Map.of("REQUEST_SCHEME", "http", "SERVER_NAME", "127.0.0.1", "SERVER_PORT",
                "18621");
        Rewriter old = rules(List.of("RewriteRule", "^/old(.*)$", "/new$1", "[R=301]"));
        assertEquals("http://127.0.0.1:18621/new/a%20b?x=%20&y=<",
                apply(old, "/old/a b", "x=%20&y=<", vars).location());
        assertEquals("http://127.0.0.1:18621/new/%c3%a9", apply(old, "/old/\u00c3\u00a9", null, vars).location());
        assertEquals("http://127.0.0.1:18621/new/a b?x=%20", apply(rules(List.of("RewriteRule", "^/ne(.*)$",
                "/new$1", "[R=301,NE]")), "/ne/a b", "x=%20", vars).location());
        assertEquals("http://127.0.0.1:18621/new/x?a=1", apply(rules(List.of("RewriteRule", "^/qs(.*)$",
                "/new$1?a=1", "[R]")), "/qs/x", "b=2", vars).location());
        assertEquals("http://127.0.0.1:18621/new/x?a=1&b=2", apply(rules(List.of("RewriteRule", "^/qs(.*)$",
                "/new$1?a=1", "[redirect,QSA]")), "/qs/x", "b=2", vars).location());
        assertEquals("http://127.0.0.1:18621/new/x", apply(rules(List.of("RewriteRule", "^/qs(.*)$",
                "/new$1?", "[R]")), "/qs/x", "b=2", vars).location());
        assertEquals("http://example.com/n/a%20b?q=1", apply(rules(List.of("RewriteRule", "^/abs(.*)$",
                "http://example.com/n$1", "[R]")), "/abs/a b", "q=1", vars).location());
        assertEquals("http://example.com/a?b=%3c&%3e%22x%22", apply(rules(List.of("RewriteRule", "^/r$",
                "http://example.com/a?b=<&>\"x\"", "[R=301,L]")), "/r", null, vars).location());
        Map<String, String> usualPort = Map.of("REQUEST_SCHEME", "https", "SERVER_NAME", "h", "SERVER_PORT", "443");
        Rewriter.Result perm = apply(rules(List.of("RewriteRule", "^/p$", "/x", "[R=permanent]")), "/p", null,
                usualPort);
        assertEquals(301, perm.status());
        assertEquals("https://h/x", perm.location());
        assertEquals(303, apply(rules(List.of("RewriteRule", "^/p$", "/x", "[R=seeother]")), "/p", null, usualPort)
                .status());
    }

    /** Found by review against the reference (Apache 2.4.71), each case checked there. */
    @Test
    void redirectEdgesAsTheReferenceAnswersThem() {
        Map<String, String> vars = Map.of("REQUEST_SCHEME", "http", "SERVER_NAME", "h", "SERVER_PORT", "80",
                "QUERY_STRING", "q=a%20b", "HTTP_HOST", "[::1]:18799");
        assertEquals("http://h/t/a;b", apply(rules(List.of("RewriteRule", "^/r/(.*)$", "/t/$1", "[R]")), "/r/a;b",
                null, vars).location(), "; is not escaped");
        assertEquals(301, apply(rules(List.of("RewriteRule", "^/r$", "/t", "[R=0301]")), "/r", null, vars).status());
        assertEquals("http://h/local/x?q=a%20b", apply(rules(List.of("RewriteRule", "^/r/(.*)$",
                "/local/$1?%{QUERY_STRING}", "[R]")), "/r/x", "q=a%20b", vars).location(),
                "the request's own query is not escaped again");
        assertEquals("http://h/local/x?a=b&q=a%2520b", apply(rules(List.of("RewriteRule", "^/r/(.*)$",
                "/local/$1?a=b", "[R,QSA]")), "/r/x", "q=a%20b", vars).location(), "a query made with QSA is");
        assertEquals("http://h/local/x?x=1", apply(rules(List.of("RewriteRule", "^/r/(.*)$", "/local/$1?",
                "[R,QSA]")), "/r/x", "x=1", vars).location());
        assertEquals("http://[::1]:18799/new/a%20b", apply(rules(List.of("RewriteRule", "^/r/(.*)$",
                "http://%{HTTP_HOST}/new/$1", "[R=301]")), "/r/a b", null, vars).location(), "the host as it is");
        Rewriter.Result ftp = apply(rules(List.of("RewriteRule", "^/f/(.*)$", "ftp://example.com/$1", "[L]")),
                "/f/x", null, vars);
        assertEquals(302, ftp.status());
        assertEquals("ftp://example.com/x", ftp.location());
    }

    @Test
    void aStatusOutsideTheRedirectsDropsTheSubstitutionAndStops() {
        Rewriter r = rules(List.of("RewriteRule", "^/busy$", "-", "[R=503]"), List.of("RewriteRule", "^/c404$",
                "/docs/f.txt", "[R=404]"), List.of("RewriteRule", ".*", "/never", "[R]"));
        Rewriter.Result busy = apply(r, "/busy", null, Map.of());
        assertEquals(503, busy.status());
        assertNull(busy.location());
        Rewriter.Result gone = apply(r, "/c404", null, Map.of());
        assertEquals(404, gone.status());
        assertNull(gone.location());
    }

    @Test
    void orConditionsAndNoCase() {
        Rewriter r = rules(List.of("RewriteCond", "%{HTTP_HOST}", "^www\\.", "[NC,OR]"),
                List.of("RewriteCond", "%{REMOTE_ADDR}", "^10\\."),
                List.of("RewriteRule", ".", "-", "[E=MATCHED:yes]"));
        assertEquals("yes", apply(r, "/", null, Map.of("HTTP_HOST", "WWW.example.com", "REMOTE_ADDR", "127.0.0.1"))
                .env().get("MATCHED"));
        assertEquals("yes", apply(r, "/", null, Map.of("HTTP_HOST", "example.com", "REMOTE_ADDR", "10.1.2.3"))
                .env().get("MATCHED"));
        assertNull(apply(r, "/", null, Map.of("HTTP_HOST", "example.com", "REMOTE_ADDR", "127.0.0.1")).env()
                .get("MATCHED"));
    }

    @Test
    void randomAndInternalMaps(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path rnd = dir.resolve("servers.txt");
        java.nio.file.Files.writeString(rnd, "# backends\nstatic a|b|c\n");
        List<List<String>> rewrite = new ArrayList<>(List.of(
                List.of("RewriteRule", "^/s/(.*)", "-", "[E=PICK:${servers:static|none},E=ESC:${esc:$1},"
                        + "E=UN:${unesc:a\\%20b},E=MISS:${servers:other|fallback}]")));
        DirectorySettings s = new DirectorySettings(null, null, null, null, null, null, null, List.of(), null, null,
                Map.of(), List.of(), null, Map.of("RewriteEngine", List.of(List.of("On")),
                        "RewriteMap", List.of(List.of("servers", "rnd:" + rnd), List.of("esc", "int:escape"),
                                List.of("unesc", "int:unescape")),
                        DirectorySettings.REWRITE, rewrite));
        java.util.Set<String> picked = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            Map<String, String> env = Rewriter.of(s).apply("/s/x y", null, n -> null).env();
            picked.add(env.get("PICK"));
            assertEquals("x%20y", env.get("ESC"));
            assertEquals("a b", env.get("UN"));
            assertEquals("fallback", env.get("MISS"));
        }
        assertEquals(java.util.Set.of("a", "b", "c"), picked);
    }
}
