package org.wsgi.config.apache.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsgi.api.config.ConfigFile;
import org.wsgi.api.config.ScriptMount;
import org.wsgi.api.config.WsgiConfiguration;

/** Merging files in name order, and the rules that span files. */
class ConfAssemblerTest {

    @TempDir
    Path root;

    private Confs confs;

    private ParsedFile parse(String name, String text) {
        if (confs == null) {
            confs = new Confs(root);
        }
        ParsedFile parsed = confs.parse(name, text);
        assertEquals(List.of(), Confs.messages(parsed.errors()));
        return parsed;
    }

    private Map<Path, List<String>> errors(ParsedFile... files) {
        Assembly assembly = ConfAssembler.assemble(7, root, List.of(files), List.of());
        assertNull(assembly.configuration());
        Map<Path, List<String>> out = new java.util.LinkedHashMap<>();
        assembly.errorsByFile().forEach((k, v) -> out.put(k, Confs.messages(v)));
        return out;
    }

    @Test
    void mergesTheMainServerInNameOrder() {
        ParsedFile a = parse("a.conf", """
                ServerName a.example:8080
                DocumentRoot /srv/a
                WSGIScriptAlias /a /srv/a.wsgi
                SetEnv X 1
                RewriteEngine On
                <Location /a>
                </Location>
                """);
        ParsedFile b = parse("b.conf", """
                ServerName b.example
                WSGIScriptAlias /b /srv/b.wsgi
                UnsetEnv X
                RewriteEngine Off
                WSGIApplicationGroup %{GLOBAL}
                <VirtualHost *:80>
                ServerName v.example
                </VirtualHost>
                """);
        ConfigFile state = new ConfigFile(root.resolve("a.conf").toString(), a.sha256(), true, List.of(), a.sha256());
        WsgiConfiguration c = ConfAssembler.assemble(7, root, List.of(a, b), List.of(state)).configuration();
        assertEquals(7, c.generation());
        assertEquals(root.toString(), c.serverRoot());
        assertEquals(List.of(state), c.files());
        assertEquals("b.example", c.main().serverName());
        assertEquals(0, c.main().serverPort());
        assertEquals("/srv/a", c.main().documentRoot());
        assertEquals(List.of("/a", "/b"), c.main().mounts().stream().map(ScriptMount::urlPath).toList());
        assertEquals(List.of("X=1", "X=null"),
                c.main().settings().env().stream().map(e -> e.name() + "=" + e.value()).toList());
        assertEquals(List.of(List.of("On"), List.of("Off")), c.main().settings().directives().get("RewriteEngine"));
        assertEquals("%{GLOBAL}", c.main().settings().applicationGroup());
        assertEquals(1, c.main().sections().size());
        assertEquals("a.conf", c.main().location().file());
        assertEquals(List.of("v.example"), c.virtualHosts().stream().map(v -> v.serverName()).toList());
    }

    @Test
    void aDaemonNameMayBeDefinedOnlyOnce() {
        ParsedFile a = parse("a.conf", "WSGIDaemonProcess shared\n");
        ParsedFile b = parse("b.conf", "\n<VirtualHost *>\nWSGIDaemonProcess shared threads=1\n</VirtualHost>\n");
        assertEquals(Map.of(b.file(), List.of("b.conf:3: WSGIDaemonProcess: Name duplicates previous WSGI daemon "
                + "definition.")), errors(a, b));
    }

    @Test
    void aPreloadingMountNeedsItsGroupDefinedEarlier() {
        ParsedFile a = parse("a.conf", "WSGIScriptAlias /a /a.wsgi process-group=g application-group=x\n");
        ParsedFile b = parse("b.conf", "WSGIDaemonProcess g\n");
        ParsedFile c = parse("c.conf", "WSGIImportScript /i.py process-group=g application-group=%{GLOBAL}\n"
                + "WSGIScriptAlias /c /c.wsgi process-group=g application-group=x\n");
        assertEquals(Map.of(a.file(), List.of("a.conf:1: WSGIScriptAlias: WSGI process group not yet configured.")),
                errors(a, b, c));
        WsgiConfiguration ok = confs.assemble(List.of(b, c));
        assertEquals(1, ok.importScripts().size());
        assertEquals("g", ok.importScripts().get(0).processGroup());
    }

    @Test
    void lazyMountsMayNameAnyGroup() {
        ParsedFile a = parse("a.conf", """
                WSGIScriptAlias /a /a.wsgi process-group=later
                WSGIScriptAlias /b /b.wsgi process-group=%{ENV:G} application-group=x
                WSGIScriptAliasMatch ^/(.*) /srv/$1.wsgi process-group=later application-group=x
                WSGIProcessGroup later
                """);
        ParsedFile b = parse("b.conf", "WSGIDaemonProcess later\n");
        assertEquals(3, confs.assemble(List.of(a, b)).main().mounts().size());
    }

    @Test
    void aVirtualHostsGroupIsOnlyForThatServerName() {
        ParsedFile a = parse("a.conf", """
                <VirtualHost *:80>
                ServerName one.example
                WSGIDaemonProcess one
                </VirtualHost>
                """);
        ParsedFile b = parse("b.conf", """
                <VirtualHost *:443>
                ServerName one.example
                WSGIScriptAlias / /one.wsgi process-group=one application-group=%{GLOBAL}
                </VirtualHost>
                <VirtualHost *:80>
                ServerName two.example
                WSGIImportScript /two.py process-group=one application-group=%{GLOBAL}
                </VirtualHost>
                WSGIScriptAlias /main /main.wsgi process-group=one application-group=x
                """);
        assertEquals(Map.of(b.file(), List.of("b.conf:7: WSGIImportScript: WSGI process group not accessible.",
                "b.conf:9: WSGIScriptAlias: WSGI process group not matchable.")), errors(a, b));
    }

    @Test
    void theMainServerNameMayComeFromAnEarlierFile() {
        ParsedFile a = parse("a.conf", "ServerName one.example\n<VirtualHost *>\nServerName one.example\n"
                + "WSGIDaemonProcess one\n</VirtualHost>\n");
        ParsedFile b = parse("b.conf", "WSGIScriptAlias / /one.wsgi process-group=one application-group=x\n");
        assertEquals(1, confs.assemble(List.of(a, b)).main().mounts().size());
    }

    @Test
    void accessIsCheckedWithinOneFileToo() {
        ParsedFile parsed = new Confs(root).parse("x.conf", """
                <VirtualHost *:80>
                ServerName one.example
                WSGIDaemonProcess one
                WSGIScriptAlias / /one.wsgi process-group=one application-group=%{GLOBAL}
                </VirtualHost>
                <VirtualHost *:80>
                ServerName two.example
                WSGIScriptAlias / /two.wsgi process-group=one application-group=%{GLOBAL}
                </VirtualHost>
                """);
        assertEquals(List.of("x.conf:8: WSGIScriptAlias: WSGI process group not accessible."),
                Confs.messages(parsed.errors()));
    }

    @Test
    void daemonsKnowTheirVirtualHostsServerName() {
        ParsedFile a = parse("a.conf", """
                WSGIDaemonProcess global
                <VirtualHost *:80>
                WSGIDaemonProcess early processes=1
                ServerName late.example
                </VirtualHost>
                <VirtualHost *:81>
                WSGIDaemonProcess nameless
                </VirtualHost>
                """);
        ParsedFile b = parse("b.conf", "ServerName main.example\n");
        WsgiConfiguration c = confs.assemble(List.of(a, b));
        assertNull(c.daemon("global").orElseThrow().serverName());
        assertEquals("late.example", c.daemon("early").orElseThrow().serverName());
        assertEquals("main.example", c.daemon("nameless").orElseThrow().serverName());
        assertEquals(List.of("global", "early", "nameless"), c.daemons().stream().map(d -> d.name()).toList());
    }

    @Test
    void rejectedFilesContributeNothing() {
        ParsedFile good = parse("a.conf", "WSGIScriptAlias /a /a.wsgi\n");
        ParsedFile bad = new Confs(root).parse("b.conf", "WSGIScriptAlias /b\n");
        WsgiConfiguration c = confs.assemble(List.of(good, bad));
        assertEquals(1, c.main().mounts().size());
    }

    @Test
    void noFilesGiveAnEmptyMainServer() {
        WsgiConfiguration c = ConfAssembler.assemble(1, root, List.of(), List.of()).configuration();
        assertEquals(List.of(), c.main().mounts());
        assertEquals(root.toString(), c.main().location().file());
    }
}
