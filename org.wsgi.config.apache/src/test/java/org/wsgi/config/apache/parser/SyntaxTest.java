package org.wsgi.config.apache.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wsgi.api.config.ScriptMount;
import org.wsgi.api.config.Section;
import org.wsgi.api.config.ServerConfig;
import org.wsgi.api.config.WsgiConfiguration;

/** Lines, words, quoting, comments, case and the section structure. */
class SyntaxTest {

    @TempDir
    Path root;

    private Confs confs() {
        return new Confs(root);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            a b c                 | a,b,c
            "a b" c               | a b,c
            'a b' "c d"           | a b,c d
            "a \\" b"             | a " b
            'it\\'s'              | it's
            "back\\\\slash"       | back\\slash
            un\\\\quoted          | un\\quoted
            a"b c"                | a"b,c"
            "abc"def              | abc,def
            "unterminated here    | unterminated here
            x=1 "y z"             | x=1,y z
            """)
    void splitsWordsAsApacheDoes(String line, String words) {
        assertEquals(List.of(words.split(",")), ConfWords.split(line));
    }

    @Test
    void optionsMayHaveQuotedValues() {
        ConfWords words = new ConfWords("process-group=\"a b\" application-group= %{GLOBAL} bad");
        assertEquals(List.of("process-group", "a b"), List.of(words.nextOption()));
        assertEquals(List.of("application-group", "%{GLOBAL}"), List.of(words.nextOption()));
        assertNull(words.nextOption());
    }

    @Test
    void joinsContinuationLinesAndSkipsComments() {
        List<ConfLine> lines = ConfLine.split("""
                # a comment
                   # an indented comment
                WSGIScriptAlias /a \\
                    /srv/a.wsgi
                ServerName x # not a comment here

                # a comment continued \\
                WSGIScriptAlias /hidden /srv/h.wsgi
                last\\""");
        assertEquals(List.of(new ConfLine(3, "WSGIScriptAlias /a     /srv/a.wsgi"),
                new ConfLine(5, "ServerName x # not a comment here"), new ConfLine(9, "last\\")), lines);
    }

    @Test
    void handlesCrLfAndByteOrderMark() {
        assertEquals(List.of(new ConfLine(1, "A b"), new ConfLine(2, "C d")), ConfLine.split("\uFEFFA b\r\nC \\\r\nd"));
    }

    @Test
    void directiveNamesAreCaseInsensitive() {
        WsgiConfiguration c = confs().configuration("""
                wsgiscriptalias /a /srv/a.wsgi
                SERVERNAME example.com:8080
                <directory /srv>
                wsgiapplicationgroup %{GLOBAL}
                </DIRECTORY>
                """);
        assertEquals("/a", c.main().mounts().get(0).urlPath());
        assertEquals("example.com", c.main().serverName());
        assertEquals(8080, c.main().serverPort());
        assertEquals("%{GLOBAL}", c.main().sections().get(0).settings().applicationGroup());
    }

    @Test
    void quotedPathsAndOptions() {
        WsgiConfiguration c = confs().configuration("""
                WSGIDaemonProcess "my group" display-name="%{GROUP} x"
                WSGIScriptAlias "/my app" "/srv/my app.wsgi" process-group="my group" application-group=%{GLOBAL}
                """);
        ScriptMount m = c.main().mounts().get(0);
        assertEquals("/my app", m.urlPath());
        assertEquals("/srv/my app.wsgi", m.target());
        assertEquals("my group", m.processGroup());
        assertEquals("%{GLOBAL}", m.applicationGroup());
        assertEquals("%{GROUP} x", c.daemon("my group").orElseThrow().options().get("display-name"));
    }

    @Test
    void sectionsOfEveryKind() {
        WsgiConfiguration c = confs().configuration("""
                <Directory /srv/a>
                <Files "*.wsgi">
                SetHandler wsgi-script
                </Files>
                </Directory>
                <Directory ~ "^/srv/b">
                </Directory>
                <DirectoryMatch ^/srv/c>
                </DirectoryMatch>
                <Location /d>
                </Location>
                <Location ~ ^/e>
                </Location>
                <LocationMatch ^/f>
                </LocationMatch>
                <Files x.py>
                </Files>
                <FilesMatch \\.py$>
                </FilesMatch>
                """);
        assertEquals(List.of("DIRECTORY /srv/a false", "FILES *.wsgi false", "DIRECTORY ^/srv/b true",
                "DIRECTORY ^/srv/c true", "LOCATION /d false", "LOCATION ^/e true", "LOCATION ^/f true",
                "FILES x.py false", "FILES \\.py$ true"),
                c.main().sections().stream().map(s -> s.type() + " " + s.pattern() + " " + s.regex()).toList());
        assertEquals("wsgi-script", c.main().sections().get(1).settings().handler());
        assertEquals(new org.wsgi.api.config.SourceLocation("x.conf", 2), c.main().sections().get(1).location());
    }

    @Test
    void virtualHostsHaveTheirOwnContext() {
        WsgiConfiguration c = confs().configuration("""
                ServerName main.example
                WSGIScriptAlias /main /srv/main.wsgi
                <VirtualHost *:80 10.0.0.1:8080>
                    ServerName vhost.example
                    ServerAlias www.vhost.example *.vhost.example
                    DocumentRoot htdocs
                    WSGIScriptAlias /v /srv/v.wsgi
                    SetEnv A 1
                    <Location /v>
                        WSGIApplicationGroup v
                    </Location>
                </VirtualHost>
                SetEnv B 2
                """);
        assertEquals(List.of("/main"), c.main().mounts().stream().map(ScriptMount::urlPath).toList());
        assertEquals("B", c.main().settings().env().get(0).name());
        ServerConfig v = c.virtualHosts().get(0);
        assertEquals(List.of("*:80", "10.0.0.1:8080"), v.addresses());
        assertEquals("vhost.example", v.serverName());
        assertEquals(0, v.serverPort());
        assertEquals(List.of("www.vhost.example", "*.vhost.example"), v.serverAliases());
        assertEquals(root.toAbsolutePath().normalize() + "/htdocs", v.documentRoot());
        assertEquals("/v", v.mounts().get(0).urlPath());
        assertEquals("A", v.settings().env().get(0).name());
        Section loc = v.sections().get(0);
        assertEquals("v", loc.settings().applicationGroup());
        assertEquals(3, v.location().line());
    }

    @Test
    void ifModuleAndIfDefine() {
        WsgiConfiguration c = confs().configuration("""
                <IfModule mod_wsgi.c>
                    WSGIScriptAlias /a /srv/a.wsgi
                </IfModule>
                <IfModule !wsgi_module>
                    WSGIScriptAlias /b /srv/b.wsgi
                </IfModule>
                <IfModule mod_php7.c>
                    Bogus directive is not read
                    <Nested anything>
                    </Nested>
                </IfModule>
                <IfModule !mod_php7.c>
                    <IfDefine !NEVER>
                        WSGIScriptAlias /c /srv/c.wsgi
                    </IfDefine>
                    <IfDefine NEVER>
                        WSGIScriptAlias /d /srv/d.wsgi
                    </IfDefine>
                </IfModule>
                <IfModule rewrite_module>
                    RewriteEngine On
                </IfModule>
                """);
        assertEquals(List.of("/a", "/c"), c.main().mounts().stream().map(ScriptMount::urlPath).toList());
        assertEquals(List.of(List.of("On")), c.main().settings().directives().get("RewriteEngine"));
    }

    @Test
    void relativePathsResolveAgainstTheServerRoot() {
        WsgiConfiguration c = confs().configuration("""
                WSGIScriptAlias /a apps/a.wsgi
                WSGIScriptAlias /d apps/dir/
                WSGIImportScript apps/a.wsgi process-group=%{GLOBAL} application-group=%{GLOBAL}
                DocumentRoot /var/www
                <Directory apps>
                </Directory>
                """);
        String r = root.toAbsolutePath().normalize().toString();
        assertEquals(r + "/apps/a.wsgi", c.main().mounts().get(0).target());
        assertEquals(r + "/apps/dir/", c.main().mounts().get(1).target());
        assertEquals(r + "/apps/a.wsgi", c.importScripts().get(0).target());
        assertEquals("", c.importScripts().get(0).urlPath());
        assertEquals("/var/www", c.main().documentRoot());
        assertEquals(r + "/apps", c.main().sections().get(0).pattern());
    }

    @Test
    void scriptAliasOptions() {
        WsgiConfiguration c = confs().configuration("""
                WSGIDaemonProcess g
                WSGIScriptAlias /a /srv/a.wsgi process-group=g application-group=%{GLOBAL} callable-object=app \
                pass-authorization=On
                WSGIScriptAliasMatch ^/m/(.*) /srv/$1.wsgi process-group=g application-group=x
                WSGIScriptAlias /e /srv/e.wsgi application-group=%{ENV:GROUP} callable-object=%{ENV:CALLABLE}
                """);
        ScriptMount a = c.main().mounts().get(0);
        assertEquals("g", a.processGroup());
        assertEquals("app", a.callableObject());
        assertEquals(Boolean.TRUE, a.passAuthorization());
        assertEquals(true, WsgiHandlers.preloads(a));
        assertEquals(false, WsgiHandlers.preloads(c.main().mounts().get(1)));
        assertEquals(true, c.main().mounts().get(1).kind() == ScriptMount.Kind.MATCH);
        assertEquals("%{ENV:CALLABLE}", c.main().mounts().get(2).callableObject());
    }

    @Test
    void perDirectorySettings() {
        WsgiConfiguration c = confs().configuration("""
                <Location /x>
                WSGIProcessGroup %{ENV:PG}
                WSGICallableObject app
                WSGIPassAuthorization off
                WSGIScriptReloading Off
                WSGIChunkedRequest On
                WSGIRestrictProcess a b %{GLOBAL}
                SetEnv EMPTY
                UnsetEnv X Y
                LimitRequestBody 0
                AddHandler wsgi-script WSGI .py
                DirectoryIndex index.wsgi
                Options -Indexes +ExecCGI
                </Location>
                """);
        var s = c.main().sections().get(0).settings();
        assertEquals("%{ENV:PG}", s.processGroup());
        assertEquals("app", s.callableObject());
        assertEquals(Boolean.FALSE, s.passAuthorization());
        assertEquals(Boolean.FALSE, s.scriptReloading());
        assertEquals(Boolean.TRUE, s.chunkedRequest());
        assertEquals(List.of("a", "b", "%{GLOBAL}"), s.restrictProcess());
        assertEquals("", s.env().get(0).value());
        assertEquals(true, s.env().get(1).unset());
        assertEquals("Y", s.env().get(2).name());
        assertEquals(0L, s.limitRequestBody());
        assertEquals(java.util.Map.of(".wsgi", "wsgi-script", ".py", "wsgi-script"), s.addHandlers());
        assertEquals(List.of("index.wsgi"), s.directoryIndex());
        assertEquals(List.of("-Indexes", "+ExecCGI"), s.options());
    }

    @Test
    void serverNameForms() {
        assertEquals("a.example:0", name("ServerName a.example"));
        assertEquals("a.example:443", name("ServerName https://a.example:443"));
        assertEquals("[::1]:8080", name("ServerName [::1]:8080"));
        assertEquals("[::1]:0", name("ServerName [::1]"));
    }

    private String name(String line) {
        ServerConfig main = confs().configuration(line).main();
        return main.serverName() + ":" + main.serverPort();
    }
}
