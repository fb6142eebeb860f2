package org.wsgi.config.apache.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsgi.api.config.DirectorySettings;

/** Directives accepted without effect are never silent; those kept as written reach the model. */
class NoticesTest {

    @TempDir
    Path root;

    @Test
    void meaninglessDirectivesAreAcceptedWithANotice() {
        ParsedFile parsed = new Confs(root).parse("x.conf", """
                WSGIPythonHome /usr/local/venv
                WSGISocketPrefix run/wsgi
                WSGIPythonOptimize 1
                WSGIDontWriteBytecode Off
                Listen 8080
                NameVirtualHost *:80
                LoadModule wsgi_module modules/mod_wsgi.so
                """);
        assertEquals(List.of(), parsed.errors());
        assertEquals(List.of("x.conf:1: WSGIPythonHome has no meaning on the JVM and is ignored",
                "x.conf:2: WSGISocketPrefix has no meaning on the JVM and is ignored",
                "x.conf:3: WSGIPythonOptimize has no meaning on the JVM and is ignored",
                "x.conf:4: WSGIDontWriteBytecode has no meaning on the JVM and is ignored",
                "x.conf:5: Listen is accepted but ignored: the HTTP port belongs to the OSGi HTTP service",
                "x.conf:6: NameVirtualHost is accepted but ignored: name-based virtual hosts are always enabled",
                "x.conf:7: LoadModule is accepted but ignored: modules are OSGi bundles here"), parsed.notices());
        assertEquals(DirectorySettings.EMPTY, parsed.fragment().main().settings());
    }

    @Test
    void directivesNotImplementedYetSayWhatHappensInsteadTheHooksDoNot() {
        ParsedFile parsed = new Confs(root).parse("x.conf", """
                <Location /x>
                WSGIAccessScript /srv/access.wsgi
                WSGIAuthUserScript /srv/auth.wsgi application-group=auth
                </Location>
                WSGITrustedProxies 10.0.0.1
                WSGIErrorOverride Off
                WSGIErrorOverride On
                WSGIMapHEADToGET Auto
                WSGIMapHEADToGET On
                WSGIHandlerScript h /srv/h.wsgi
                """);
        assertEquals(List.of(), parsed.errors());
        List<String> notices = parsed.notices();
        assertEquals(List.of("x.conf:7:", "x.conf:10:"),
                notices.stream().map(n -> n.substring(0, n.indexOf(':', 7) + 1)).toList(), notices.toString());
        assertEquals("x.conf:7: WSGIErrorOverride is not implemented yet: the application's error responses are sent"
                + " as it made them, not replaced by ErrorDocument", notices.get(0));
        assertEquals(List.of(List.of("/srv/auth.wsgi", "application-group=auth")),
                parsed.fragment().main().sections().get(0).settings().directives().get("WSGIAuthUserScript"),
                "still kept as written");
    }

    @Test
    void trustedProxiesMustBeAddressesOrSubnets() {
        assertEquals(List.of("x.conf:1: WSGITrustedProxies: Unable to parse trusted proxy IP address/subnet of"
                + " \"not-an-ip\"."),
                new Confs(root).errors("WSGITrustedProxies 10.0.0.1 not-an-ip"));
        assertEquals(List.of(), new Confs(root).errors("WSGITrustedProxies 10.0.0.0/8 192.168.1 10.1.0.0/255.255.0.0"
                + " ::1 fd00::/8\nWSGITrustedProxyHeaders X-Forwarded-For x-forwarded-proto X-Anything"));
    }

    @Test
    void passEnvTakesTheServerProcesssValueAndWarnsOfAnUndefinedOne() {
        String home = System.getenv("HOME");
        org.junit.jupiter.api.Assumptions.assumeTrue(home != null, "the test needs HOME set");
        ParsedFile parsed = new Confs(root).parse("x.conf", "PassEnv HOME NO_SUCH_VARIABLE_42\n");
        assertEquals(List.of("x.conf:1: PassEnv variable NO_SUCH_VARIABLE_42 was undefined"), parsed.notices());
        List<org.wsgi.api.config.EnvAction> env = parsed.fragment().main().settings().env();
        assertEquals(1, env.size());
        assertEquals("HOME", env.get(0).name());
        assertEquals(home, env.get(0).value());
    }

    @Test
    void loggingDirectivesSayTheyAreIgnoredAndErrorDocumentNoLonger() {
        ParsedFile parsed = new Confs(root).parse("x.conf", "ErrorLog logs/error_log\nErrorDocument 404 /nf.html\n");
        assertEquals(List.of("x.conf:1: ErrorLog is accepted but ignored: the server logs through its own logging"
                + " configuration (slf4j)"), parsed.notices());
    }

    @Test
    void meaninglessFlagsAreStillChecked() {
        assertEquals(List.of("x.conf:1: WSGIDontWriteBytecode must be one of: Off | On"),
                new Confs(root).errors("WSGIDontWriteBytecode sometimes"));
        assertEquals(List.of("x.conf:1: WSGIRestrictStdout must be one of: Off | On"),
                new Confs(root).errors("WSGIRestrictStdout sometimes"));
    }

    @Test
    void everyOtherAcceptedDirectiveIsKeptAsWritten() {
        DirectorySettings s = new Confs(root).configuration("""
                WSGIErrorOverride On
                WSGIMapHEADToGET Auto
                WSGITrustedProxyHeaders X-Forwarded-For X-Forwarded-Proto
                WSGITrustedProxies 10.0.0.0/8
                WSGIHandlerScript h /h.py process-group=%{GLOBAL} pass-authorization=On
                WSGIDispatchScript /d.py application-group=%{GLOBAL}
                WSGIRestrictEmbedded On
                WSGIPythonPath /a:/b
                WSGIRestrictStdin On
                WSGIRestrictStdout Off
                WSGIRestrictSignal Off
                ErrorLog logs/error_log
                LogLevel info wsgi:debug
                ServerAdmin admin@example.com
                ErrorDocument 404 /missing.html
                AddType text/plain .txt .text
                DefaultType text/plain
                PassEnv HOME
                SetEnvIf Request_URI ^/x X=1
                """).main().settings();
        assertEquals(List.of(List.of("On")), s.directives().get("WSGIErrorOverride"));
        assertEquals(List.of(List.of("h", "/h.py", "process-group=%{GLOBAL}", "pass-authorization=On")),
                s.directives().get("WSGIHandlerScript"));
        assertEquals(List.of(List.of("info", "wsgi:debug")), s.directives().get("LogLevel"));
        assertEquals(List.of(List.of("text/plain", ".txt", ".text")), s.directives().get("AddType"));
        assertEquals(List.of(List.of("Request_URI", "^/x", "X=1")), s.directives().get("SetEnvIf"));
        assertEquals(List.of(List.of("/a:/b")), s.directives().get("WSGIPythonPath"));
        assertEquals(List.of(List.of("Off")), s.directives().get("WSGIRestrictSignal"));
        // ErrorDocument is kept per status, with its bare name beside it for the router's one look-up
        assertEquals(List.of(List.of("/missing.html")), s.directives().get("ErrorDocument 404"));
        assertEquals(List.of(List.of("404")), s.directives().get("ErrorDocument"));
        assertEquals(19, s.directives().size(), "PassEnv became SetEnv-like actions");
    }

    @Test
    void storedDirectiveNamesAreCanonicalWhateverTheCase() {
        DirectorySettings s = new Confs(root).configuration("rewriteengine on\nREWRITEENGINE off\n").main().settings();
        assertEquals(List.of(List.of("on"), List.of("off")), s.directives().get("RewriteEngine"));
    }

    @Test
    void rewriteMapsAreCheckedAsModRewriteChecksThem() throws Exception {
        java.nio.file.Files.writeString(root.resolve("map.txt"), "/a pg-a\n");
        java.nio.file.Files.writeString(root.resolve("map.dbm"), "");
        Confs confs = new Confs(root);
        assertEquals(List.of("x.conf:1: RewriteMap: file for map m not found:/nonexistent/map.txt"),
                confs.errors("RewriteMap m txt:/nonexistent/map.txt"));
        assertEquals(List.of("x.conf:1: RewriteMap: internal map not found:nosuch"),
                confs.errors("RewriteMap m int:nosuch"));
        assertEquals(List.of("x.conf:1: RewriteMap: file for map m not found:" + root.resolve("foo:/x")),
                confs.errors("RewriteMap m foo:/x"));
        ParsedFile ok = confs.parse("x.conf", "RewriteMap t txt:" + root.resolve("map.txt") + "\nRewriteMap i int:tolower\n"
                + "RewriteMap d dbm:" + root.resolve("map.dbm") + "\nRewriteMap p prg:" + root.resolve("map.dbm")
                + "\n");
        assertEquals(List.of(), ok.errors());
        assertEquals(List.of("x.conf:4: RewriteMap p: prg: maps are not supported on the JVM; lookups answer their "
                + "default value (a txt: map with the same lines works)"), ok.notices());
    }

    @Test
    void authorizationTheRuntimeCannotCheckIsNamed() throws Exception {
        java.nio.file.Files.writeString(root.resolve("htpasswd"), "alice:$apr1$P1duwJne$J4IBYkgOhw9vO33WQ1usB1\n"
                + "bob:$2y$05$abcdefghijklmnopqrstuOabcdefghijklmnopqrstuvwxyz12345\ncarol:{SHA}5en6G6MezRroT3XKqkdPOmY/BfQ=\n");
        ParsedFile parsed = new Confs(root).parse("x.conf", """
                <Location /a>
                AuthType Basic
                AuthUserFile htpasswd
                Require expr %{REMOTE_ADDR} == '127.0.0.1'
                Require valid-user
                </Location>
                """);
        assertEquals(List.of(), parsed.errors());
        assertEquals(List.of("x.conf:3: AuthUserFile " + root.resolve("htpasswd") + ": the password hashes of bob "
                + "are not supported here (only htpasswd -m and -s hashes are): they cannot log in",
                "x.conf:4: Require expr is not supported here: it never grants access (supported: all, group, ip, "
                + "local, method, user, valid-user, wsgi-group)"), parsed.notices());
        assertEquals(List.of(List.of(root.resolve("htpasswd").toString())),
                parsed.fragment().main().sections().get(0).settings().directives().get("AuthUserFile"),
                "stored resolved against ServerRoot, as Apache opens it");
    }

    @Test
    void errorDocumentsAreKeptAsWrittenAndAFullUrlFor401IsIgnoredAsApacheIgnoresIt() {
        ParsedFile parsed = new Confs(root).parse("x.conf", """
                ErrorDocument 401 http://example.com/login
                ErrorDocument 404 "Not here"
                ErrorDocument 500 /errors/500.html
                """);
        assertEquals(List.of(), parsed.errors());
        assertEquals(List.of("x.conf:1: cannot use a full URL in a 401 ErrorDocument directive --- ignoring!"),
                parsed.notices());
        var directives = parsed.fragment().main().settings().directives();
        assertEquals(List.of(List.of("Not here")), directives.get("ErrorDocument 404"));
        assertEquals(List.of(List.of("/errors/500.html")), directives.get("ErrorDocument 500"));
        assertEquals(null, directives.get("ErrorDocument 401"));
        assertEquals(List.of(List.of("404"), List.of("500")), directives.get("ErrorDocument"));
    }
}
