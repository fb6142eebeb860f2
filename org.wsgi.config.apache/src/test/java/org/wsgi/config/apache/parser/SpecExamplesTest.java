package org.wsgi.config.apache.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wsgi.api.config.DaemonProcess;
import org.wsgi.api.config.DirectorySettings;
import org.wsgi.api.config.ScriptMount;
import org.wsgi.api.config.ScriptMount.Kind;
import org.wsgi.api.config.Section;
import org.wsgi.api.config.ServerConfig;
import org.wsgi.api.config.WsgiConfiguration;

/**
 * Every configuration example of the specification ({@code /work/shared/spec}), one fixture each under
 * {@code parser/spec}: it parses without error into the model values the text describes.
 */
class SpecExamplesTest {

    private static final Path SPEC = Confs.resources("spec");

    private static final Map<String, Consumer<WsgiConfiguration>> EXPECTED = Map.ofEntries(
            Map.entry("01-scriptaliasmatch.conf", c -> assertMounts(c,
                    mount(Kind.MATCH, "^/wsgi-scripts/([^/]+)", "/web/wsgi-scripts/$1.wsgi"))),
            Map.entry("02-scriptalias-dir.conf", c -> assertMounts(c,
                    mount(Kind.PREFIX, "/wsgi-scripts/", "/web/wsgi-scripts/"))),
            Map.entry("03-alias-location.conf", c -> {
                assertEquals(List.of("/wsgi-scripts/ -> /web/wsgi-scripts/"), aliases(c.main()));
                Section location = c.main().sections().get(0);
                assertEquals(Section.Type.LOCATION, location.type());
                assertEquals("/wsgi-scripts", location.pattern());
                assertEquals("wsgi-script", location.settings().handler());
                assertEquals(List.of("+ExecCGI"), location.settings().options());
            }),
            Map.entry("04-scriptalias-file.conf", c -> assertMounts(c,
                    mount(Kind.PREFIX, "/name", "/web/wsgi-scripts/name"))),
            Map.entry("05-directory-sethandler.conf", c -> {
                Section dir = c.main().sections().get(0);
                assertEquals("/usr/local/apache/htdocs/wsgi-scripts", dir.pattern());
                assertEquals("wsgi-script", dir.settings().handler());
                assertEquals(List.of(DirectorySettings.OPTIONS_RESET, "ExecCGI"), dir.settings().options());
            }),
            Map.entry("06-appgroup-env.conf", c -> {
                assertEquals(List.of(List.of("On")), c.main().settings().directives().get("RewriteEngine"));
                assertEquals(List.of("RewriteCond", "%{REQUEST_URI}", "^/~([^/]+)"),
                        c.main().settings().directives().get(DirectorySettings.REWRITE).get(0));
                Section dir = c.main().sections().get(0);
                assertEquals("/home/*/public_html/wsgi-scripts/", dir.pattern());
                assertEquals("%{ENV:APPLICATION_GROUP}", dir.settings().applicationGroup());
            }),
            Map.entry("07-processgroup-rewritemap.conf", c -> {
                assertEquals("%{ENV:PROCESS_GROUP}", c.main().settings().processGroup());
                List<List<String>> maps = c.main().settings().directives().get("RewriteMap");
                assertEquals("wsgiprocmap", maps.get(0).get(0));
                assertTrue(maps.get(0).get(1).startsWith("dbm:") && maps.get(0).get(1).endsWith("wsgiprocmap.dbm"));
                assertEquals(List.of(List.of("RewriteRule", ".", "-",
                        "[E=PROCESS_GROUP:${wsgiprocmap:%{REQUEST_URI}}]")),
                        c.main().settings().directives().get(DirectorySettings.REWRITE));
            }),
            Map.entry("08-guide-myapp.conf", c -> assertMounts(c,
                    mount(Kind.PREFIX, "/myapp", "/usr/local/wsgi/scripts/myapp.wsgi"))),
            Map.entry("09-guide-directory-access.conf", c -> assertAccess(c.main().sections().get(0), "allow,deny")),
            Map.entry("10-guide-root.conf", c -> assertMounts(c,
                    mount(Kind.PREFIX, "/", "/usr/local/wsgi/scripts/myapp.wsgi"))),
            Map.entry("11-guide-three-mounts.conf", c -> assertMounts(c,
                    mount(Kind.PREFIX, "/wiki", "/usr/local/wsgi/scripts/mywiki.wsgi"),
                    mount(Kind.PREFIX, "/blog", "/usr/local/wsgi/scripts/myblog.wsgi"),
                    mount(Kind.PREFIX, "/", "/usr/local/wsgi/scripts/myapp.wsgi"))),
            Map.entry("12-guide-dir-mount.conf", c -> assertMounts(c,
                    mount(Kind.PREFIX, "/wsgi/", "/usr/local/wsgi/scripts/"))),
            Map.entry("13-guide-aliasmatch.conf", c -> assertMounts(c,
                    mount(Kind.MATCH, "^/wsgi/([^/]+)", "/usr/local/wsgi/scripts/$1.wsgi"))),
            Map.entry("14-guide-mount-directory.conf", c -> {
                assertMounts(c, mount(Kind.PREFIX, "/wsgi/", "/usr/local/wsgi/scripts/"));
                assertAccess(c.main().sections().get(0), "allow,deny");
            }),
            Map.entry("15-guide-alias-sethandler.conf", c -> {
                DirectorySettings s = c.main().sections().get(0).settings();
                assertEquals("wsgi-script", s.handler());
                assertEquals(List.of(DirectorySettings.OPTIONS_RESET, "ExecCGI"), s.options());
                assertAccess(c.main().sections().get(0), "allow,deny");
            }),
            Map.entry("16-guide-addhandler.conf", c -> assertEquals(Map.of(".cgi", "cgi-script", ".wsgi",
                    "wsgi-script"), c.main().sections().get(0).settings().addHandlers())),
            Map.entry("17-guide-multiviews.conf", c -> {
                DirectorySettings s = c.main().sections().get(0).settings();
                assertEquals(List.of(DirectorySettings.OPTIONS_RESET, "ExecCGI", "MultiViews"), s.options());
                assertEquals(List.of(List.of("Handlers")), s.directives().get("MultiviewsMatch"));
            }),
            Map.entry("18-guide-indexes.conf", c -> assertEquals(
                    List.of(DirectorySettings.OPTIONS_RESET, "ExecCGI", "Indexes"),
                    c.main().sections().get(0).settings().options())),
            Map.entry("19-guide-directoryindex.conf", c -> assertEquals(List.of("index.html", "index.wsgi",
                    "index.cgi"), c.main().sections().get(0).settings().directoryIndex())),
            Map.entry("20-guide-allowoverride.conf", c -> {
                DirectorySettings s = c.main().sections().get(0).settings();
                assertEquals(List.of(List.of("FileInfo")), s.directives().get("AllowOverride"));
                assertEquals(List.of(DirectorySettings.OPTIONS_RESET, "ExecCGI", "MultiViews", "Indexes"), s.options());
                assertEquals(List.of("/site/ -> /usr/local/wsgi/site/"), aliases(c.main()));
            }),
            Map.entry("21-guide-htaccess.conf", c -> {
                assertEquals(List.of("index.html", "index.wsgi", "index.cgi"),
                        c.main().settings().directoryIndex());
                assertEquals(Map.of(".cgi", "cgi-script", ".wsgi", "wsgi-script"),
                        c.main().settings().addHandlers());
            }),
            Map.entry("22-guide-rewrite-root.conf", c -> assertEquals(
                    List.of("RewriteRule", "^(.*)$", "/site.wsgi/$1", "[QSA,PT,L]"),
                    c.main().settings().directives().get(DirectorySettings.REWRITE).get(1))),
            Map.entry("23-guide-setenv.conf", c -> {
                assertMounts(c, mount(Kind.PREFIX, "/", "/usr/local/wsgi/scripts/demo.wsgi"));
                assertEquals(List.of("demo.templates=/usr/local/wsgi/templates", "demo.mailhost=mailhost",
                        "demo.debugging=0"), c.main().settings().env().stream()
                                .map(e -> e.name() + "=" + e.value()).toList());
            }),
            Map.entry("24-guide-setenv-rewrite.conf", c -> {
                assertEquals("0", c.main().settings().env().get(0).value());
                assertEquals(List.of("RewriteCond", "%{REMOTE_ADDR}", "^127.0.0.1$"),
                        c.main().settings().directives().get(DirectorySettings.REWRITE).get(0));
            }),
            Map.entry("25-guide-passauth.conf", c -> assertEquals(Boolean.TRUE,
                    c.main().settings().passAuthorization())),
            Map.entry("26-guide-static.conf", c -> {
                assertEquals(List.of("/robots.txt -> /usr/local/wsgi/static/robots.txt",
                        "/favicon.ico -> /usr/local/wsgi/static/favicon.ico",
                        "/([^/]*\\.css) -> /usr/local/wsgi/static/styles/$1",
                        "/media/ -> /usr/local/wsgi/static/media/"), aliases(c.main()));
                assertEquals(Kind.MATCH, c.main().aliases().get(2).kind());
                assertAccess(c.main().sections().get(0), "deny,allow");
                assertAccess(c.main().sections().get(1), "allow,deny");
                assertMounts(c, mount(Kind.PREFIX, "/", "/usr/local/wsgi/scripts/myapp.wsgi"));
            }),
            Map.entry("27-guide-limitrequestbody.conf", c -> assertEquals(1048576L,
                    c.main().settings().limitRequestBody())),
            Map.entry("28-guide-appgroup-directory.conf", c -> assertEquals("admin-scripts",
                    c.main().sections().get(0).settings().applicationGroup())),
            Map.entry("29-guide-daemon.conf", c -> {
                DaemonProcess d = c.daemon("www.site.com").orElseThrow();
                assertEquals(15, d.threads());
                assertEquals(10000, d.maximumRequests());
                assertEquals(1, d.processes());
                assertEquals(false, d.multiprocess());
                assertNull(d.serverName());
                assertEquals("www.site.com", c.main().settings().processGroup());
                assertEquals(3, c.main().aliases().size());
                assertEquals(2, c.main().sections().size());
            }),
            Map.entry("30-guide-vhost-daemons.conf", c -> {
                assertEquals(2, c.virtualHosts().size());
                for (int i = 1; i <= 2; i++) {
                    ServerConfig vhost = c.virtualHosts().get(i - 1);
                    String name = "www.site" + i + ".com";
                    assertEquals(List.of("*:80"), vhost.addresses());
                    assertEquals(name, vhost.serverName());
                    assertEquals(name, vhost.settings().processGroup());
                    DaemonProcess d = c.daemon(name).orElseThrow();
                    assertEquals(name, d.serverName());
                    assertEquals(2, d.processes());
                    assertEquals(25, d.threads());
                    assertTrue(d.multiprocess());
                    assertEquals(i == 1 ? "joe" : "bob", d.options().get("user"));
                }
            }));

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(SPEC)) {
            return files.filter(f -> f.toString().endsWith(".conf")).sorted().toList().stream();
        }
    }

    /** Files an example takes for granted (Apache checks that they exist): created, and the example pointed there. */
    private static final Map<String, String> ASSUMED_FILES = Map.of(
            "07-processgroup-rewritemap.conf", "/etc/httpd/wsgiprocmap.dbm");

    @TempDir
    Path scratch;

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void parsesIntoTheDescribedModel(Path fixture) throws IOException {
        Confs confs = new Confs(SPEC);
        ParsedFile parsed = confs.parseFile(fixture);
        String assumed = ASSUMED_FILES.get(fixture.getFileName().toString());
        if (assumed != null) {
            Path made = Files.createFile(scratch.resolve(Path.of(assumed).getFileName()));
            parsed = confs.parse(fixture.getFileName().toString(),
                    Files.readString(fixture).replace(assumed, made.toString()));
        }
        assertEquals(List.of(), Confs.messages(parsed.errors()));
        WsgiConfiguration configuration = confs.assemble(List.of(parsed));
        Consumer<WsgiConfiguration> expected = EXPECTED.get(fixture.getFileName().toString());
        assertTrue(expected != null, "no expectations for " + fixture.getFileName());
        expected.accept(configuration);
    }

    @Test
    void aMapFileThatIsNotThereIsRefusedAsApacheRefusesIt() {
        ParsedFile parsed = new Confs(SPEC).parseFile(SPEC.resolve("07-processgroup-rewritemap.conf"));
        assertEquals(List.of("07-processgroup-rewritemap.conf:3: RewriteMap: file for map wsgiprocmap not "
                + "found:/etc/httpd/wsgiprocmap.dbm"), Confs.messages(parsed.errors()));
    }

    @Test
    void everyFixtureHasExpectations() throws IOException {
        assertEquals(EXPECTED.size(), fixtures().count());
    }

    private static String mount(Kind kind, String url, String target) {
        return kind + " " + url + " -> " + target;
    }

    private static void assertMounts(WsgiConfiguration c, String... expected) {
        assertEquals(List.of(expected), c.main().mounts().stream()
                .map(m -> mount(m.kind(), m.urlPath(), m.target())).toList());
        c.main().mounts().forEach(SpecExamplesTest::assertNoOptions);
    }

    private static void assertNoOptions(ScriptMount m) {
        assertNull(m.processGroup());
        assertNull(m.applicationGroup());
        assertTrue(!m.preload());
    }

    private static List<String> aliases(ServerConfig server) {
        return server.aliases().stream().map(a -> a.urlPath() + " -> " + a.target()).toList();
    }

    private static void assertAccess(Section section, String order) {
        assertEquals(List.of(List.of(order)), section.settings().directives().get("Order"));
        assertEquals(List.of(List.of("from", "all")), section.settings().directives().get("Allow"));
    }
}
