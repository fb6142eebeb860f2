package org.wsgi.router.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsgi.api.Route;
import org.wsgi.api.RouteRequest;
import org.wsgi.config.apache.parser.ConfAssembler;
import org.wsgi.config.apache.parser.ConfParser;

/** .htaccess files in the directory walk: AllowOverride, changes on disk, per-directory rewrite loops. */
class AccessFileRoutingTest {

    @TempDir
    Path root;

    private RoutingTable table(String conf) throws Exception {
        Path file = root.resolve("case.conf");
        Files.writeString(file, conf.replace("@ROOT@", root.toString()));
        ConfParser parser = new ConfParser(root);
        var parsed = parser.parse(file, Files.readAllBytes(file));
        assertEquals(List.of(), parsed.errors());
        var assembly = ConfAssembler.assemble(1, root, List.of(parsed), List.of());
        return new RoutingTable(assembly.configuration(), "machine", FileProbe.FILE_SYSTEM, v -> null,
                new AccessFiles(parser::parseAccessFile));
    }

    private static Route get(RoutingTable t, String path) {
        return t.route(new RouteRequest("GET", "http", "localhost", 80, path, null, "127.0.0.1", Map.of()));
    }

    private Path site(String htaccess) throws Exception {
        Path site = Files.createDirectories(root.resolve("site"));
        Files.writeString(site.resolve("app.wsgi"), "application = None\n");
        Files.writeString(site.resolve(".htaccess"), htaccess, StandardCharsets.UTF_8);
        return site;
    }

    private static final String CONF = """
            Alias /site/ @ROOT@/site/
            <Directory @ROOT@/site>
            Options ExecCGI
            AddHandler wsgi-script .wsgi
            AllowOverride %s
            </Directory>
            """;

    @Test
    void htFilesAreRefusedByABaseSectionThatTheConfigurationCanOverride() throws Exception {
        Path site = site("");
        Files.writeString(site.resolve(".htpublic"), "shown\n");
        RoutingTable t = table(CONF.formatted("None") + "<Files \".htpublic\">\nRequire all granted\n</Files>\n");
        assertEquals(403, get(t, "/site/.htaccess").status());
        assertEquals(403, get(t, "/site/.htmissing").status(), "the name decides, not whether the file exists");
        assertEquals(Route.Outcome.FILE, get(t, "/site/.htpublic").outcome());
    }

    @Test
    void anEditedAccessFileCountsOnTheNextRequest() throws Exception {
        Path site = site("WSGICallableObject first\n");
        RoutingTable t = table(CONF.formatted("FileInfo"));
        assertEquals("first", get(t, "/site/app.wsgi").target().callableObject());
        Files.writeString(site.resolve(".htaccess"), "WSGICallableObject second_one\n");
        assertEquals("second_one", get(t, "/site/app.wsgi").target().callableObject());
    }

    @Test
    void allowOverrideNoneIgnoresTheFile() throws Exception {
        site("This is not a directive\n");
        RoutingTable t = table(CONF.formatted("None"));
        assertEquals(Route.Outcome.WSGI, get(t, "/site/app.wsgi").outcome());
    }

    @Test
    void aRefusedDirectiveIsA500NamingTheFile() throws Exception {
        Path site = site("WSGIProcessGroup %{GLOBAL}\n");
        Route r = get(table(CONF.formatted("All")), "/site/app.wsgi");
        assertEquals(500, r.status());
        assertEquals(site.resolve(".htaccess") + ": WSGIProcessGroup not allowed here", r.reason());
    }

    @Test
    void aRewriteLoopStopsAfterTenInternalRedirects() throws Exception {
        site("RewriteEngine On\nRewriteRule ^(.*)$ /site/x$1\n");
        Route r = get(table(CONF.formatted("FileInfo")), "/site/a");
        assertEquals(500, r.status());
        assertTrue(r.reason().contains("limit of 10 internal redirects"), r.reason());
    }

    @Test
    void aRewrittenQueryIsWhatTheApplicationSees() throws Exception {
        site("RewriteEngine On\nRewriteRule ^page/(.*)$ /site/app.wsgi?name=$1 [QSA,L]\n");
        RoutingTable t = table(CONF.formatted("FileInfo"));
        Route r = t.route(new RouteRequest("GET", "http", "localhost", 80, "/site/page/home", "x=1", "127.0.0.1",
                Map.of()));
        assertEquals(Route.Outcome.WSGI, r.outcome(), r.reason());
        assertEquals("name=home&x=1", r.query());
        assertEquals(null, get(t, "/site/app.wsgi").query(), "not rewritten: the request's own");
    }

    @Test
    void aPerDirectoryRewriteIsAnInternalRedirect() throws Exception {
        site("RewriteEngine On\nRewriteCond %{REQUEST_FILENAME} !-f\nRewriteRule ^(.*)$ /site/app.wsgi/$1 [L]\n");
        Route r = get(table(CONF.formatted("FileInfo")), "/site/some/where");
        assertEquals(Route.Outcome.WSGI, r.outcome(), r.reason());
        assertEquals("/site/app.wsgi", r.scriptName());
        assertEquals("/some/where", r.pathInfo());
        assertTrue(r.target().modified() > 0, "the walk's stat gives the reload check its modification time");
        assertEquals("/site/some/where", r.env().get("REDIRECT_URL"));
        assertEquals("200", r.env().get("REDIRECT_STATUS"));
    }

    @Test
    void anInternalRedirectKeepsTheTrustedProxyHeadersAndTheAdmin() throws Exception {
        site("RewriteEngine On\nRewriteCond %{REQUEST_FILENAME} !-f\nRewriteRule ^(.*)$ /site/app.wsgi/$1 [L]\n");
        Route r = get(table("ServerAdmin ops@example.com\nWSGITrustedProxyHeaders X-Forwarded-For\n"
                + "WSGITrustedProxies 10.0.0.1\n" + CONF.formatted("FileInfo")), "/site/some/where");
        assertEquals(Route.Outcome.WSGI, r.outcome(), r.reason());
        assertEquals("/some/where", r.pathInfo(), "redirected");
        assertEquals(List.of("HTTP_X_FORWARDED_FOR"), r.proxyTrust().headers());
        assertEquals(List.of("10.0.0.1"), r.proxyTrust().proxies());
        assertEquals("ops@example.com", r.serverAdmin());
    }
}
