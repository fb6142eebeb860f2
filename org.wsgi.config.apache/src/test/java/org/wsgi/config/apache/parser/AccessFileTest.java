package org.wsgi.config.apache.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wsgi.api.config.AccessFileParser.AccessFile;
import org.wsgi.api.config.Section;

/** {@code .htaccess} files: what each {@code AllowOverride} class lets through, in Apache's words otherwise. */
class AccessFileTest {

    @TempDir
    Path root;

    private AccessFile parse(String content, String... overrides) {
        return new ConfParser(root).parseAccessFile(root.resolve("site/.htaccess"),
                content.getBytes(StandardCharsets.UTF_8), Set.of(overrides));
    }

    private static String firstError(AccessFile f) {
        return f.errors().isEmpty() ? "" : f.errors().get(0).message();
    }

    @ParameterizedTest(name = "{0} with AllowOverride {1}")
    @CsvSource(delimiter = '|', textBlock = """
            WSGICallableObject custom          | fileinfo   |
            WSGICallableObject custom          | indexes    | WSGICallableObject not allowed here
            WSGIPassAuthorization On           | fileinfo   |
            WSGIPassAuthorization On           | indexes    | WSGIPassAuthorization not allowed here
            WSGIApplicationGroup x             | all        | WSGIApplicationGroup not allowed here
            WSGIProcessGroup %{GLOBAL}         | all        | WSGIProcessGroup not allowed here
            DirectoryIndex index.wsgi          | fileinfo   | DirectoryIndex not allowed here
            DirectoryIndex index.wsgi          | indexes    |
            AddHandler wsgi-script .wsgi       | fileinfo   |
            Options +ExecCGI                   | fileinfo   | Options not allowed here
            Options +ExecCGI                   | options    |
            Require all granted                | authconfig |
            Require all granted                | fileinfo   | Require not allowed here
            WSGIScriptAlias /a /a.wsgi         | all        | WSGIScriptAlias not allowed here
            NoSuchDirective x                  | all        | Invalid command 'NoSuchDirective', perhaps misspelled or defined by a module not included in the server configuration
            """)
    void overrideClassDecides(String line, String override, String error) {
        assertEquals(error == null ? "" : error, firstError(parse(line + "\n", override)));
    }

    @Test
    void directivesLandInTheFileSettingsAndFilesSectionsAreKept() {
        AccessFile f = parse("""
                DirectoryIndex index.html index.wsgi
                AddHandler wsgi-script .wsgi
                <IfModule mod_wsgi.c>
                WSGICallableObject custom
                </IfModule>
                <Files "app.wsgi">
                WSGIPassAuthorization On
                </Files>
                """, "all");
        assertEquals(List.of(), f.errors());
        assertEquals(List.of("index.html", "index.wsgi"), f.settings().directoryIndex());
        assertEquals(Map.of(".wsgi", "wsgi-script"), f.settings().addHandlers());
        assertEquals("custom", f.settings().callableObject());
        assertEquals(1, f.files().size());
        Section files = f.files().get(0);
        assertEquals(Section.Type.FILES, files.type());
        assertEquals("app.wsgi", files.pattern());
        assertEquals(Boolean.TRUE, files.settings().passAuthorization());
    }

    @Test
    void directoryAndLocationSectionsAreRefused() {
        assertEquals("<Directory not allowed here", firstError(parse("<Directory /x>\n</Directory>\n", "all")));
        assertEquals("<Location not allowed here", firstError(parse("<Location /x>\n</Location>\n", "all")));
        assertEquals("<VirtualHost not allowed here",
                firstError(parse("<VirtualHost *:80>\n</VirtualHost>\n", "all")));
    }

    @Test
    void noOverridesMeansTheFileIsNotRead() {
        AccessFile f = parse("this is not even a directive\n", "none");
        assertTrue(f.errors().isEmpty());
        assertEquals(org.wsgi.api.config.DirectorySettings.EMPTY, f.settings());
    }

    @Test
    void errorsNameTheFileAndLine() {
        AccessFile f = parse("AddHandler wsgi-script .wsgi\nWSGIProcessGroup g\n", "fileinfo");
        assertEquals(1, f.errors().size());
        assertTrue(f.errors().get(0).toString().endsWith(".htaccess:2: WSGIProcessGroup not allowed here"),
                f.errors().get(0).toString());
    }
}
