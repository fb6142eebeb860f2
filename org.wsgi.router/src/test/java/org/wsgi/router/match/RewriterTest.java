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
