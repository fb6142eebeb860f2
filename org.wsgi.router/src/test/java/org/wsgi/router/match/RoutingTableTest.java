package org.wsgi.router.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsgi.router.match.Configs.alias;
import static org.wsgi.router.match.Configs.groups;
import static org.wsgi.router.match.Configs.match;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wsgi.api.Route;
import org.wsgi.api.RouteRequest;
import org.wsgi.api.config.EnvAction;
import org.wsgi.api.config.DirectorySettings;
import org.wsgi.api.config.Section;

/** The SCRIPT_NAME / PATH_INFO matrix recorded from mod_wsgi 4.9.4 (anchors.md 1.3.5). */
class RoutingTableTest {

    private static final FakeFiles FILES = new FakeFiles(
            Set.of("/srv/env.wsgi", "/srv/dir/a.wsgi", "/srv/dir/sub/b.wsgi", "/srv/rx/a.wsgi"),
            Set.of("/srv", "/srv/dir", "/srv/dir/sub", "/srv/rx"));

    private static final RoutingTable TABLE = new Configs()
            .mount(alias("/emb", "/srv/env.wsgi"))
            .mount(alias("/multi/level", "/srv/env.wsgi"))
            .mount(alias("/app/", "/srv/env.wsgi"))
            .mount(alias("/dir/", "/srv/dir/"))
            .mount(match("^/rx/([^/]+)", "/srv/rx/$1.wsgi"))
            .mount(alias("/", "/srv/env.wsgi"))
            .table(FILES);

    static Route get(RoutingTable t, String path) {
        return t.route(new RouteRequest("GET", "http", "localhost:18501", 18501, path, null, "127.0.0.1", Map.of()));
    }

    @ParameterizedTest(name = "{0} -> {1} [{2}] [{3}]")
    @CsvSource(delimiter = '|', value = {
        "/emb|200|/emb|",
        "/emb/|200|/emb|/",
        "/emb/a/b|200|/emb|/a/b",
        "/emb//a//b/|200|/emb|/a/b/",
        "//emb/x|200|/emb|/x",
        "/emb/a%20b|200|/emb|/a b",
        "/emb/%7Euser|200|/emb|/~user",
        "/emb/a%2Fb|404||",
        "/emb/a;b|200|/emb|/a;b",
        "/emb/../emb/x|200|/emb|/x",
        "/multi/level/q|200|/multi/level|/q",
        "/app/|200|/app/|",
        "/app/z|404||",
        "/dir/a.wsgi/x/y|200|/dir/a.wsgi|/x/y",
        "/dir/sub/b.wsgi/z|200|/dir/sub/b.wsgi|/z",
        "/dir/|403||",
        "/dir/sub|301||",
        "/dir/nonexist|404||",
        "/dir/a|404||",
        "/rx/a/more|200|/rx/a|/more",
        "/|200||/",
        "/x/y|200||/x/y",
        "//x|200||/x",
        "/embx|200||/embx",
        "/EMB|200||/EMB",
        "/app|200||/app",
    })
    void scriptNameAndPathInfo(String path, int status, String scriptName, String pathInfo) {
        Route r = get(TABLE, path);
        assertEquals(status, r.status(), r.reason());
        if (status == 200) {
            assertEquals(scriptName == null ? "" : scriptName, r.scriptName());
            assertEquals(pathInfo == null ? "" : pathInfo, r.pathInfo());
        }
    }

    @Test
    void withoutCatchAllUnmatchedIsNotFound() {
        RoutingTable t = new Configs().mount(alias("/emb", "/srv/env.wsgi")).table(FILES);
        assertEquals(404, get(t, "/embx").status());
        assertEquals(404, get(t, "/EMB").status());
    }

    @Test
    void theServersAdminAndTrustedProxyHeadersTravelWithTheRoute() {
        DirectorySettings admin = new DirectorySettings(null, null, null, null, null, null, null, List.of(), null,
                null, Map.of(), List.of(), null, Map.of("ServerAdmin", List.of(List.of("ops@example.com")),
                        "WSGITrustedProxyHeaders", List.of(List.of("X-Forwarded-For", "x-forwarded-proto")),
                        "WSGITrustedProxies", List.of(List.of("10.0.0.1"))));
        Route r = get(new Configs().mount(alias("/e", "/srv/env.wsgi")).settings(admin).table(FILES), "/e");
        assertEquals("ops@example.com", r.serverAdmin());
        assertEquals(List.of("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO"), r.proxyTrust().headers());
        assertEquals(List.of("10.0.0.1"), r.proxyTrust().proxies());
        assertEquals(null, get(TABLE, "/emb/x").serverAdmin(), "none written: the container's default");
        DirectorySettings flags = new DirectorySettings(null, null, null, null, null, null, null, List.of(), null,
                null, Map.of(), List.of(), null, Map.of("WSGIMapHEADToGET", List.of(List.of("On")),
                        "WSGIEnableSendfile", List.of(List.of("on"))));
        Route f = get(new Configs().mount(alias("/e", "/srv/env.wsgi")).settings(flags).table(FILES), "/e");
        assertTrue(f.environOptions().mapHeadToGet());
        assertTrue(f.environOptions().enableSendfile());
        assertTrue(!get(TABLE, "/emb/x").environOptions().mapHeadToGet(), "Auto, the default, maps nothing here");
    }

    /** Recorded from the reference: an application's text/plain became "text/plain; charset=UTF-8". */
    @Test
    void addDefaultCharsetTravelsWithTheRouteAndNamesTheCharsetOfTextResponses() {
        DirectorySettings utf8 = new DirectorySettings(null, null, null, null, null, null, null, List.of(), null,
                null, Map.of(), List.of(), null, Map.of("AddDefaultCharset", List.of(List.of("UTF-8"))));
        org.wsgi.api.EnvironOptions o = get(new Configs().mount(alias("/e", "/srv/env.wsgi")).settings(utf8)
                .table(FILES), "/e").environOptions();
        assertEquals("text/plain; charset=UTF-8", o.withDefaultCharset("text/plain"));
        assertEquals("text/html; charset=UTF-8", o.withDefaultCharset("text/html"));
        assertEquals("text/html; charset=latin-1", o.withDefaultCharset("text/html; charset=latin-1"));
        assertEquals("application/json", o.withDefaultCharset("application/json"));
        DirectorySettings on = new DirectorySettings(null, null, null, null, null, null, null, List.of(), null,
                null, Map.of(), List.of(), null, Map.of("AddDefaultCharset", List.of(List.of("On"))));
        assertEquals("text/plain; charset=iso-8859-1", get(new Configs().mount(alias("/e", "/srv/env.wsgi"))
                .settings(on).table(FILES), "/e").environOptions().withDefaultCharset("text/plain"));
        assertEquals("text/plain", get(new Configs().mount(alias("/e", "/srv/env.wsgi")).table(FILES), "/e")
                .environOptions().withDefaultCharset("text/plain"));
    }

    /**
     * Recorded from the reference: under UseCanonicalName On a request with Host canon.example.com:18652 gets
     * SERVER_NAME canon.example.com and SERVER_PORT 80 (ServerName has no port), and a mod_dir redirect to
     * http://canon.example.com/...; Off keeps the Host header's.
     */
    @Test
    void useCanonicalNameOnNamesTheServersOwnNameAndPort() {
        DirectorySettings on = new DirectorySettings(null, null, null, null, null, null, null, List.of(), null,
                null, Map.of(), List.of(), null, Map.of("UseCanonicalName", List.of(List.of("On"))));
        RoutingTable t = new Configs().serverName("canon.example.com").mount(alias("/e", "/srv/env.wsgi"))
                .settings(on).table(FILES);
        Route r = t.route(new RouteRequest("GET", "http", "other.example:18652", 18652, "/e", null, "127.0.0.1",
                Map.of()));
        assertEquals("canon.example.com", r.serverName());
        assertEquals(80, r.environOptions().canonicalPort());
        Route off = new Configs().serverName("canon.example.com").mount(alias("/e", "/srv/env.wsgi")).table(FILES)
                .route(new RouteRequest("GET", "http", "other.example:18652", 18652, "/e", null, "127.0.0.1",
                        Map.of()));
        assertEquals("other.example", off.serverName());
        assertEquals(0, off.environOptions().canonicalPort());
    }

    /** Recorded from the reference: TRACE is echoed after translation, before access control and the handler. */
    @Test
    void traceIsEchoedUnlessTraceEnableIsOff() {
        RouteRequest trace = new RouteRequest("TRACE", "http", "localhost", 80, "/e/x", null, "127.0.0.1", Map.of());
        Route echo = new Configs().mount(alias("/e", "/srv/env.wsgi")).table(FILES).route(trace);
        assertEquals(Route.Outcome.TRACE, echo.outcome());
        assertEquals("on", echo.reason());
        DirectorySettings off = new DirectorySettings(null, null, null, null, null, null, null, List.of(), null,
                null, Map.of(), List.of(), null, Map.of("TraceEnable", List.of(List.of("Off"))));
        Route refused = new Configs().mount(alias("/e", "/srv/env.wsgi")).settings(off).table(FILES).route(trace);
        assertEquals(Route.Outcome.ERROR, refused.outcome());
        assertEquals(405, refused.status());
    }

    @Test
    void withEmbeddedModeRestrictedOnlyDaemonRequestsRun() {
        DirectorySettings restrict = new DirectorySettings(null, null, null, null, null, null, null, List.of(), null,
                null, Map.of(), List.of(), null, Map.of("WSGIRestrictEmbedded", List.of(List.of("On"))));
        Route r = get(new Configs().mount(alias("/e", "/srv/env.wsgi")).settings(restrict).table(FILES), "/e");
        assertEquals(500, r.status());
        assertEquals("Embedded mode of mod_wsgi disabled by runtime configuration: /srv/env.wsgi", r.reason());
    }

    @Test
    void firstMountWins() {
        RoutingTable t = new Configs().mount(alias("/wiki", "/srv/dir/a.wsgi")).mount(alias("/", "/srv/env.wsgi"))
                .table(FILES);
        assertEquals("/srv/dir/a.wsgi", get(t, "/wiki/page").target().script().toString());
        assertEquals("/srv/env.wsgi", get(t, "/blog").target().script().toString());
    }

    @Test
    void applicationGroupDefaultsToResource() {
        assertEquals("localhost:18501|/emb", get(TABLE, "/emb/x").target().applicationGroup());
        assertEquals("localhost:18501|", get(TABLE, "/x").target().applicationGroup());
        assertEquals("", get(TABLE, "/x").processGroup());
    }

    @Test
    void aResourceGroupNamesTheScriptInLowerCaseAsModWsgi49Does() {
        RoutingTable t = new Configs().mount(alias("/MixedCase", "/srv/env.wsgi")).table(FILES);
        Route r = get(t, "/MixedCase/X");
        assertEquals("/MixedCase", r.scriptName());
        assertEquals("localhost:18501|/mixedcase", r.target().applicationGroup());
    }

    @Test
    void groupExpansions() {
        FakeFiles files = FILES;
        DirectorySettings env = new DirectorySettings("%{ENV:MYGRP}", null, null, null, null, null, null,
                List.of(new EnvAction("MYGRP", "custom-group", Configs.HERE)), null, null, Map.of(), List.of(), null,
                Map.of());
        assertEquals("custom-group",
                get(new Configs().mount(alias("/e", "/srv/env.wsgi")).settings(env).table(files), "/e")
                        .target().applicationGroup());
        assertEquals("", get(new Configs().mount(alias("/e", "/srv/env.wsgi")).settings(groups("%{GLOBAL}", null))
                .table(files), "/e").target().applicationGroup());
        assertEquals("localhost:18501", get(new Configs().mount(alias("/e", "/srv/env.wsgi"))
                .settings(groups("%{SERVER}", null)).table(files), "/e").target().applicationGroup());
        assertEquals("admin-scripts", get(new Configs().mount(alias("/e", "/srv/dir/a.wsgi"))
                .section(Section.Type.DIRECTORY, "/srv/dir", groups("admin-scripts", null)).table(files), "/e")
                .target().applicationGroup());
    }

    @Test
    void processGroupMustBeDefinedAndReachable() {
        Route unknown = get(new Configs().mount(alias("/e", "/srv/env.wsgi")).settings(groups(null, "nosuch"))
                .table(FILES), "/e");
        assertEquals(500, unknown.status());
        assertTrue(unknown.reason().startsWith("No WSGI daemon process called 'nosuch' has been configured"));
        Route other = get(new Configs().mount(alias("/e", "/srv/env.wsgi")).settings(groups(null, "g"))
                .daemon("g", "other.example.com").table(FILES), "/e");
        assertEquals(500, other.status());
        Route ok = get(new Configs().mount(alias("/e", "/srv/env.wsgi")).settings(groups(null, "g"))
                .daemon("g", null).table(FILES), "/e");
        assertEquals("g", ok.processGroup());
    }

    @Test
    void virtualHostsByHostHeaderFirstIsDefault() {
        RoutingTable t = new Configs()
                .vhost("one.example.com", List.of(alias("/app", "/srv/env.wsgi")), DirectorySettings.EMPTY)
                .vhost("two.example.com", List.of(alias("/app", "/srv/dir/a.wsgi")), DirectorySettings.EMPTY)
                .table(FILES);
        Route two = t.route(new RouteRequest("GET", "http", "two.example.com:8080", 8080, "/app", null, "::1",
                Map.of()));
        assertEquals("/srv/dir/a.wsgi", two.target().script().toString());
        assertEquals("two.example.com:8080|/app", two.target().applicationGroup());
        Route other = t.route(new RouteRequest("GET", "http", "elsewhere", 80, "/app", null, "::1", Map.of()));
        assertEquals("/srv/env.wsgi", other.target().script().toString());
        assertEquals("one.example.com|/app", other.target().applicationGroup());
    }
}
