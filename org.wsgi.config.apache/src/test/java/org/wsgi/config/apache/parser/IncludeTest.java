package org.wsgi.config.apache.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsgi.api.config.ScriptMount;
import org.wsgi.api.config.WsgiConfiguration;

/** {@code Include} and {@code IncludeOptional}: files, globs, directories, missing files and cycles. */
class IncludeTest {

    @TempDir
    Path root;

    private Confs confs;

    @BeforeEach
    void setUp() {
        confs = new Confs(root);
    }

    private Path abs(String name) {
        return root.toAbsolutePath().normalize().resolve(name);
    }

    @Test
    void includesAFileInTheCurrentContext() {
        confs.write("inc/mounts.conf", "WSGIScriptAlias /inc /srv/inc.wsgi\n");
        confs.write("inc/env.conf", "SetEnv FROM include\n");
        ParsedFile parsed = confs.parse("x.conf", """
                Include inc/mounts.conf
                <VirtualHost *:80>
                Include "inc/mounts.conf"
                <Location /x>
                IncludeOptional inc/env.conf
                </Location>
                </VirtualHost>
                """);
        assertEquals(List.of(), Confs.messages(parsed.errors()));
        WsgiConfiguration c = confs.assemble(List.of(parsed));
        assertEquals("/inc", c.main().mounts().get(0).urlPath());
        assertEquals("inc/mounts.conf", c.main().mounts().get(0).location().file());
        assertEquals("/inc", c.virtualHosts().get(0).mounts().get(0).urlPath());
        assertEquals("include", c.virtualHosts().get(0).sections().get(0).settings().env().get(0).value());
        assertEquals(Set.of(abs("inc/mounts.conf"), abs("inc/env.conf")), parsed.includedFiles());
    }

    @Test
    void globsIncludeMatchingFilesInNameOrder() {
        confs.write("conf.d/20-b.conf", "WSGIScriptAlias /b /b.wsgi\n");
        confs.write("conf.d/10-a.conf", "WSGIScriptAlias /a /a.wsgi\n");
        confs.write("conf.d/.hidden.conf", "WSGIScriptAlias /hidden /h.wsgi\n");
        confs.write("conf.d/notes.txt", "not a conf\n");
        confs.write("sites/one/site.conf", "WSGIScriptAlias /one /one.wsgi\n");
        confs.write("sites/two/site.conf", "WSGIScriptAlias /two /two.wsgi\n");
        WsgiConfiguration c = confs.configuration("""
                Include conf.d/*.conf
                Include sites/*/site.conf
                Include sites/on?
                """);
        assertEquals(List.of("/a", "/b", "/one", "/two", "/one"),
                c.main().mounts().stream().map(ScriptMount::urlPath).toList());
    }

    @Test
    void aDirectoryIncludesEveryFileBelowIt() {
        confs.write("d/b.conf", "WSGIScriptAlias /b /b.wsgi\n");
        confs.write("d/a/x.conf", "WSGIScriptAlias /ax /ax.wsgi\n");
        WsgiConfiguration c = confs.configuration("Include " + abs("d") + "\n");
        assertEquals(List.of("/ax", "/b"), c.main().mounts().stream().map(ScriptMount::urlPath).toList());
    }

    @Test
    void aMissingFileIsAnErrorUnlessOptional() {
        assertEquals(List.of("x.conf:2: Include: Could not open configuration file " + abs("missing.conf")
                + ": No such file or directory"), confs.errors("\nInclude missing.conf\n"));
        assertEquals(List.of("x.conf:1: Include: No matches for the wildcard '" + abs("none/*.conf")
                + "', failing (use IncludeOptional if required)"), confs.errors("Include none/*.conf\n"));
        ParsedFile optional = confs.parse("x.conf", "IncludeOptional missing.conf\nIncludeOptional none/*.conf\n");
        assertEquals(List.of(), optional.errors());
        assertEquals(Set.of(), optional.includedFiles());
    }

    @Test
    void errorsInAnIncludedFileNameThatFile() {
        confs.write("inc/bad.conf", "# comment\nWSGIDaemonProcess d threads=x\n");
        assertEquals(List.of("inc/bad.conf:2: WSGIDaemonProcess: Invalid thread count for WSGI daemon process."),
                confs.errors("Include inc/bad.conf\n"));
    }

    @Test
    void cyclesAreDetected() {
        confs.write("a.conf", "Include b.conf\n");
        confs.write("b.conf", "ServerName b\nInclude a.conf\n");
        ParsedFile parsed = confs.parseFile(root.resolve("a.conf"));
        assertEquals(List.of("b.conf:2: Include: Recursive inclusion of a.conf (a.conf -> b.conf -> a.conf)"),
                Confs.messages(parsed.errors()));
        confs.write("self.conf", "Include self.conf\n");
        assertEquals(List.of("self.conf:1: Include: Recursive inclusion of self.conf (self.conf -> self.conf)"),
                Confs.messages(confs.parseFile(root.resolve("self.conf")).errors()));
    }

    @Test
    void theSameFileMayBeIncludedTwiceWithoutACycle() {
        confs.write("common.conf", "SetEnv A 1\n");
        WsgiConfiguration c = confs.configuration("Include common.conf\nInclude common.conf\n");
        assertEquals(2, c.main().settings().env().size());
    }

    @Test
    void sectionsMustCloseInTheFileThatOpensThem() {
        confs.write("open.conf", "<VirtualHost *:80>\nServerName a\n");
        confs.write("close.conf", "</Location>\n");
        assertEquals(List.of("open.conf:1: <VirtualHost> was not closed."), confs.errors("Include open.conf\n"));
        assertEquals(List.of("close.conf:1: </Location> without matching <Location> section",
                "x.conf:3: Expected </Location> but saw </Directory>"),
                confs.errors("<Location /a>\nInclude close.conf\n</Directory>\n"));
    }

    @Test
    void includesInsideAFalseConditionalAreNotRead() {
        ParsedFile parsed = confs.parse("x.conf", "<IfModule mod_nothing.c>\nInclude missing.conf\n</IfModule>\n");
        assertEquals(List.of(), parsed.errors());
        assertEquals(Set.of(), parsed.includedFiles());
    }
}
