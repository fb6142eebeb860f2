package org.wsgi.config.apache.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rejected configuration names file, line, directive and reason in Apache's and mod_wsgi's words. */
class ErrorMessagesTest {

    @TempDir
    Path root;

    static Stream<Arguments> cases() {
        return Stream.of(
                // syntax and sections
                of("Foo bar", "x.conf:1: Invalid command 'Foo', perhaps misspelled or defined by a module not "
                        + "included in the server configuration"),
                of("\n\n<Foo bar>\nServerName x\n</Foo>", "x.conf:3: Invalid command '<Foo>', perhaps misspelled or "
                        + "defined by a module not included in the server configuration"),
                of("<VirtualHost *:80>\nServerName a", "x.conf:1: <VirtualHost> was not closed."),
                of("<Directory /a>\n<Files x>\n</Files>", "x.conf:1: <Directory> was not closed."),
                of("ServerName a\n</VirtualHost>", "x.conf:2: </VirtualHost> without matching <VirtualHost> section"),
                of("<Directory /a>\n</Location>", "x.conf:2: Expected </Directory> but saw </Location>"),
                of("<Directory /a\n</Directory>", "x.conf:1: <Directory> directive missing closing '>'"),
                of("<VirtualHost>\n</VirtualHost>", "x.conf:1: <VirtualHost> directive requires additional arguments"),
                of("<IfModule >\n</IfModule>", "x.conf:1: <IfModule> directive requires additional arguments"),
                // checked with modwsgi-ref: a false conditional's body must still nest
                of("<IfModule mod_x.c>\n<Directory /a>\n</IfModule>",
                        "x.conf:1: Expected </Directory> but saw </IfModule>"),
                of("<DirectoryMatch ^/a(>\n</DirectoryMatch>", "x.conf:1: <DirectoryMatch>: Regex could not be compiled"),
                of("<Location ~ \"[\">\n</Location>", "x.conf:1: <Location>: Regex could not be compiled"),
                // contexts
                of("<Directory /a>\n<Location /b>\n</Location>\n</Directory>",
                        "x.conf:2: <Location> not allowed in <Directory> context"),
                of("<Location /a>\n<Directory /b>\n</Directory>\n</Location>",
                        "x.conf:2: <Directory> not allowed in <Location> context"),
                of("<VirtualHost *>\n<VirtualHost *>\n</VirtualHost>\n</VirtualHost>",
                        "x.conf:2: <VirtualHost> cannot occur within <VirtualHost> section"),
                of("<Directory /a>\n<VirtualHost *>\n</VirtualHost>\n</Directory>",
                        "x.conf:2: <VirtualHost> not allowed in <Directory> context"),
                of("<Location /a>\n<Files x>\n</Files>\n</Location>",
                        "x.conf:2: <Files> cannot occur within <Location> section"),
                of("<Files a>\n<FilesMatch x>\n</FilesMatch>\n</Files>",
                        "x.conf:2: <FilesMatch> cannot occur within <Files> section"),
                of("<Directory /a>\nWSGIScriptAlias /a /b.wsgi\n</Directory>",
                        "x.conf:2: WSGIScriptAlias not allowed in <Directory> context"),
                of("<Location /a>\nWSGIDaemonProcess d\n</Location>",
                        "x.conf:2: WSGIDaemonProcess not allowed in <Location> context"),
                of("<Directory /a>\nAlias /a /b\n</Directory>", "x.conf:2: Alias not allowed in <Directory> context"),
                of("<Location /a>\nServerName a\n</Location>",
                        "x.conf:2: ServerName not allowed in <Location> context"),
                of("<VirtualHost *>\nWSGIPythonHome /usr\n</VirtualHost>",
                        "x.conf:2: WSGIPythonHome cannot occur within <VirtualHost> section"),
                of("<VirtualHost *>\nWSGISocketPrefix run/wsgi\n</VirtualHost>",
                        "x.conf:2: WSGISocketPrefix cannot occur within <VirtualHost> section"),
                of("<Directory /a>\nWSGIImportScript /a.py process-group=%{GLOBAL} application-group=%{GLOBAL}\n"
                        + "</Directory>", "x.conf:2: WSGIImportScript not allowed in <Directory> context"),
                of("Order allow,deny", "x.conf:1: Order not allowed here"),
                of("<VirtualHost *>\nOrder allow,deny\n</VirtualHost>", "x.conf:2: Order not allowed in <VirtualHost> "
                        + "context"),
                of("<Directory /a>\n<IfModule wsgi_module>\nWSGIDaemonProcess d\n</IfModule>\n</Directory>",
                        "x.conf:3: WSGIDaemonProcess not allowed in <Directory> context"),
                // <Limit> and <LimitExcept>
                of("<Limit GET>\n</Limit>", "x.conf:1: <Limit> not allowed here"),
                of("<VirtualHost *>\n<Limit GET>\n</Limit>\n</VirtualHost>",
                        "x.conf:2: <Limit> not allowed in <VirtualHost> context"),
                of("<Location /a>\n<Limit>\n</Limit>\n</Location>",
                        "x.conf:2: <Limit> directive requires additional arguments"),
                of("<Location /a>\n<limitexcept GET\n</limitexcept>\n</Location>",
                        "x.conf:2: <limitexcept> directive missing closing '>'"),
                of("<Location /a>\n<Limit GET TRACE>\n</Limit>\n</Location>",
                        "x.conf:2: TRACE cannot be controlled by <Limit>, see TraceEnable"),
                of("<Location /a>\n<LimitExcept GET>\n<Files x>\n</Files>\n</LimitExcept>\n</Location>",
                        "x.conf:3: <Files> cannot occur within <Limit> or <LimitExcept> section"),
                of("<Location /a>\n<Limit GET>\n<Limit POST>\n</Limit>\n</Limit>\n</Location>",
                        "x.conf:3: <Limit> cannot occur within <Limit> or <LimitExcept> section"),
                of("<Directory /a>\n<Limit GET>\n<Location /x>\n</Location>\n</Limit>\n</Directory>",
                        "x.conf:3: <Location> not allowed in <Limit> context"),
                of("<Location /a>\n<Limit GET>\nWSGIDaemonProcess d\n</Limit>\n</Location>",
                        "x.conf:3: WSGIDaemonProcess not allowed in <Limit> context"),
                of("AuthType Basic", "x.conf:1: AuthType not allowed here"),
                of("AllowOverride None", "x.conf:1: AllowOverride not allowed here"),
                of("ServerAlias www.a", "x.conf:1: ServerAlias only used in <VirtualHost>"),
                of("RewriteBase /a", "x.conf:1: RewriteBase: only valid in per-directory config files"),
                // argument counts
                of("WSGIScriptAlias /a", "x.conf:1: WSGIScriptAlias requires at least two arguments, Map location to "
                        + "target WSGI script file."),
                of("WSGIScriptAliasMatch", "x.conf:1: WSGIScriptAliasMatch requires at least two arguments, Map "
                        + "location pattern to target WSGI script file."),
                of("WSGIProcessGroup", "x.conf:1: WSGIProcessGroup takes one argument, Name of the WSGI process group."),
                of("WSGIApplicationGroup a b", "x.conf:1: WSGIApplicationGroup takes one argument, Application "
                        + "interpreter group."),
                of("SetEnv", "x.conf:1: SetEnv takes 1-2 arguments, an environment variable name and optional value "
                        + "to pass to CGI."),
                of("SetEnv a b c", "x.conf:1: SetEnv takes 1-2 arguments, an environment variable name and optional "
                        + "value to pass to CGI."),
                of("Alias /a", "x.conf:1: Alias takes two arguments, a fakename and a realname"),
                of("AddHandler wsgi-script", "x.conf:1: AddHandler requires at least two arguments, a handler name "
                        + "followed by one or more file extensions"),
                of("UnsetEnv", "x.conf:1: UnsetEnv requires at least one argument, a list of variables to remove "
                        + "from the CGI environment."),
                of("RewriteEngine maybe", "x.conf:1: RewriteEngine must be On or Off"),
                of("AllowEncodedSlashes", "x.conf:1: AllowEncodedSlashes takes one argument, Allow URLs containing '/' "
                        + "encoded as '%2F'"),
                of("AllowEncodedSlashes maybe", "x.conf:1: AllowEncodedSlashes must be On, Off, or NoDecode"),
                of("<Location /a>\nAllowEncodedSlashes On\n</Location>",
                        "x.conf:2: AllowEncodedSlashes not allowed in <Location> context"),
                of("UserDir", "x.conf:1: UserDir requires an argument."),
                of("<Directory /a>\nUserDir public_html\n</Directory>", "x.conf:2: UserDir not allowed in <Directory> "
                        + "context"),
                // WSGI handlers
                of("WSGIScriptAlias /a /b.wsgi foo=bar", "x.conf:1: WSGIScriptAlias: Invalid option to WSGI script "
                        + "alias definition."),
                of("WSGIScriptAlias /a /b.wsgi stray", "x.conf:1: WSGIScriptAlias: Invalid option to WSGI script "
                        + "alias definition."),
                of("WSGIScriptAlias /a /b.wsgi process-group=", "x.conf:1: WSGIScriptAlias: Invalid name for WSGI "
                        + "process group."),
                of("WSGIScriptAlias /a /b.wsgi application-group=\"\"", "x.conf:1: WSGIScriptAlias: Invalid name for "
                        + "WSGI application group."),
                of("WSGIScriptAlias /a /b.wsgi callable-object=", "x.conf:1: WSGIScriptAlias: Invalid name for WSGI "
                        + "callable object."),
                of("WSGIScriptAlias /a /b.wsgi pass-authorization=yes", "x.conf:1: WSGIScriptAlias: Invalid value "
                        + "for authorization flag."),
                of("WSGIScriptAliasMatch ^/(a /b.wsgi", "x.conf:1: WSGIScriptAliasMatch: Regular expression could not "
                        + "be compiled."),
                of("AliasMatch ^/(a /b", "x.conf:1: AliasMatch: Regular expression could not be compiled."),
                of("WSGIDaemonProcess", "x.conf:1: WSGIDaemonProcess: Name of WSGI daemon process not supplied."),
                of("WSGIDaemonProcess d\nWSGIDaemonProcess d",
                        "x.conf:2: WSGIDaemonProcess: Name duplicates previous WSGI daemon definition."),
                of("WSGIDaemonProcess d bogus=1", "x.conf:1: WSGIDaemonProcess: Invalid option to WSGI daemon process "
                        + "definition."),
                of("WSGIDaemonProcess d threads", "x.conf:1: WSGIDaemonProcess: Invalid option to WSGI daemon process "
                        + "definition."),
                of("WSGIDaemonProcess d user=root", "x.conf:1: WSGIDaemonProcess: WSGI process blocked from running "
                        + "as root."),
                of("WSGIDaemonProcess d threads=many", "x.conf:1: WSGIDaemonProcess: Invalid thread count for WSGI "
                        + "daemon process."),
                of("WSGIDaemonProcess d script-user=a script-group=b", "x.conf:1: WSGIDaemonProcess: Only one of "
                        + "script-user and script-group allowed."),
                of("WSGIImportScript", "x.conf:1: WSGIImportScript: Location of import script not supplied."),
                of("WSGIImportScript /a.py process-group=%{GLOBAL}", "x.conf:1: WSGIImportScript: Name of WSGI "
                        + "application group required."),
                of("WSGIImportScript /a.py application-group=%{GLOBAL}", "x.conf:1: WSGIImportScript: Name of WSGI "
                        + "process group required."),
                of("WSGIImportScript /a.py callable-object=x", "x.conf:1: WSGIImportScript: Invalid option to WSGI "
                        + "import script definition."),
                of("WSGIApplicationGroup %{FOO}", "x.conf:1: WSGIApplicationGroup: Invalid expansion '%{FOO}' in "
                        + "'%{FOO}', expected %{GLOBAL}, %{SERVER}, %{RESOURCE}, %{HOST}, %{ENV:variable} as the whole "
                        + "value."),
                of("WSGIProcessGroup %{ENV:}", "x.conf:1: WSGIProcessGroup: Invalid expansion '%{ENV:}' in "
                        + "'%{ENV:}', expected %{GLOBAL}, %{SERVER}, %{RESOURCE}, %{HOST}, %{ENV:variable} as the "
                        + "whole value."),
                of("WSGICallableObject %{GLOBAL}", "x.conf:1: WSGICallableObject: Invalid expansion '%{GLOBAL}' in "
                        + "'%{GLOBAL}', expected %{ENV:variable} as the whole value."),
                of("WSGIScriptAlias /a /b.wsgi application-group=x-%{SERVER}", "x.conf:1: WSGIScriptAlias: Invalid "
                        + "expansion '%{SERVER}' in 'x-%{SERVER}', expected %{GLOBAL}, %{SERVER}, %{RESOURCE}, %{HOST}, "
                        + "%{ENV:variable} as the whole value."),
                of("WSGIApplicationGroup %{SERVER", "x.conf:1: WSGIApplicationGroup: Invalid expansion '%{SERVER' in "
                        + "'%{SERVER', expected %{GLOBAL}, %{SERVER}, %{RESOURCE}, %{HOST}, %{ENV:variable} as the "
                        + "whole value."),
                of("WSGIPassAuthorization yes", "x.conf:1: WSGIPassAuthorization must be one of: Off | On"),
                of("WSGIScriptReloading 1", "x.conf:1: WSGIScriptReloading must be one of: Off | On"),
                of("WSGIChunkedRequest", "x.conf:1: WSGIChunkedRequest takes one argument, Enable/Disable support for "
                        + "chunked requests."),
                of("WSGIMapHEADToGET sometimes", "x.conf:1: WSGIMapHEADToGET must be one of: Off | On | Auto"),
                of("WSGIHandlerScript h /h.py bogus=1", "x.conf:1: WSGIHandlerScript: Invalid option to WSGI handler "
                        + "script definition."),
                of("WSGIDispatchScript", "x.conf:1: WSGIDispatchScript: Location of dispatch script not supplied."),
                // Apache modules
                of("ServerName a:0", "x.conf:1: ServerName: The port number \"0\" is outside the appropriate range "
                        + "(i.e., 1..65535)."),
                of("ServerName a:http", "x.conf:1: ServerName: The port number \"http\" is outside the appropriate "
                        + "range (i.e., 1..65535)."),
                of("LimitRequestBody lots", "x.conf:1: LimitRequestBody argument is not parsable."),
                of("LimitRequestBody -1", "x.conf:1: LimitRequestBody argument is not parsable."),
                of("Options +ExecCGI Indexes", "x.conf:1: Options: Either all Options must start with + or -, or no "
                        + "Option may."),
                of("Options Exec", "x.conf:1: Options: Illegal option Exec"),
                of("<Directory /a>\nAllowOverride Everything\n</Directory>",
                        "x.conf:2: AllowOverride: Illegal override option Everything"),
                of("<Directory /a>\nOrder sideways\n</Directory>", "x.conf:2: Order: unknown order"),
                of("<Directory /a>\nAllow to all\n</Directory>", "x.conf:2: Allow: allow and deny must be followed by 'from'"),
                of("<Directory /a>\nSatisfy some\n</Directory>", "x.conf:2: Satisfy either 'any' or 'all'."),
                of("RewriteRule ^(a", "x.conf:1: RewriteRule: bad argument line '^(a'"),
                of("RewriteRule ^(a /b", "x.conf:1: RewriteRule: cannot compile regular expression '^(a'"),
                // Apache's core and MPM directives, each message recorded from the reference
                of("TraceEnable maybe", "x.conf:1: TraceEnable must be one of 'on', 'off', or 'extended'"),
                of("<Directory /tmp>\nTraceEnable off\n</Directory>",
                        "x.conf:2: TraceEnable not allowed in <Directory> context"),
                of("<Directory /tmp>\nKeepAlive off\n</Directory>",
                        "x.conf:2: KeepAlive not allowed in <Directory> context"),
                of("KeepAlive maybe", "x.conf:1: KeepAlive must be On or Off"),
                of("<VirtualHost *:80>\nUser foo\n</VirtualHost>",
                        "x.conf:2: User cannot occur within <VirtualHost> section"),
                // mod_alias's redirects, each message recorded from the reference (ours name the directive first)
                of("Redirect", "x.conf:1: Redirect takes one, two or three arguments, an optional status, then "
                        + "document to be redirected and destination URL"),
                of("Redirect /a", "x.conf:1: Redirect: URL to redirect to is missing"),
                of("Redirect http://x/", "x.conf:1: Redirect: URL to redirect to is missing"),
                of("Redirect 301", "x.conf:1: Redirect: URL to redirect to is missing"),
                of("Redirect 301 /a", "x.conf:1: Redirect: URL to redirect to is missing"),
                of("Redirect foo /a http://x/", "x.conf:1: Redirect: invalid first argument (of three)"),
                of("Redirect /a b", "x.conf:1: Redirect to non-URL"),
                of("Redirect permanent /a relative", "x.conf:1: Redirect to non-URL"),
                of("Redirect gone /a http://x/", "x.conf:1: Redirect URL not valid for this status"),
                of("Redirect 404 /a http://x/", "x.conf:1: Redirect URL not valid for this status"),
                of("RedirectMatch gone", "x.conf:1: RedirectMatch takes two or three arguments, an optional status, "
                        + "then a regular expression and destination URL"),
                of("RedirectMatch ^(a http://x/", "x.conf:1: RedirectMatch: Regular expression could not be compiled."),
                of("RedirectPermanent /a", "x.conf:1: RedirectPermanent takes two arguments, a document to be "
                        + "redirected, then the destination URL"),
                of("RedirectTemp /a b c", "x.conf:1: RedirectTemp takes two arguments, a document to be redirected, "
                        + "then the destination URL"),
                // recorded from the reference (conformance/routing/error-pages): a code Apache has no status line for
                of("RewriteRule ^/a - [R=418]", "x.conf:1: RewriteRule: invalid HTTP response code '418' for flag 'R'"),
                of("RewriteRule ^/a - [L,redirect=599]",
                        "x.conf:1: RewriteRule: invalid HTTP response code '599' for flag 'R'"),
                of("SetEnvIf Host ^(a X=1", "x.conf:1: SetEnvIf: Regular expression could not be compiled."),
                // several problems are all reported
                of("Foo\nWSGIScriptAlias /a\nBar", "x.conf:1: Invalid command 'Foo', perhaps misspelled or defined by "
                        + "a module not included in the server configuration", "x.conf:2: WSGIScriptAlias requires at "
                        + "least two arguments, Map location to target WSGI script file.", "x.conf:3: Invalid command "
                        + "'Bar', perhaps misspelled or defined by a module not included in the server configuration"));
    }

    private static Arguments of(String conf, String... expected) {
        return Arguments.of(conf, List.of(expected));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("cases")
    void reportsExactly(String conf, List<String> expected) {
        ParsedFile parsed = new Confs(root).parse("x.conf", conf);
        assertEquals(expected, Confs.messages(parsed.errors()));
        assertNull(parsed.fragment());
    }

    /** Each line Apache 2.4.71 accepted with the reference's modules (checked one by one with modwsgi-ref). */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"TraceEnable Off", "ServerTokens Prod",
        "ServerSignature Off", "KeepAlive On", "KeepAliveTimeout 5", "MaxKeepAliveRequests 100", "Timeout 60",
        "AddDefaultCharset UTF-8", "FileETag None", "HostnameLookups Off", "UseCanonicalName Off", "EnableSendfile On",
        "EnableMMAP Off", "LimitRequestFields 100", "LimitRequestFieldSize 8190", "LimitRequestLine 8190",
        "AccessFileName .htaccess", "AddCharset UTF-8 .utf8", "AddEncoding gzip .gz", "AddLanguage en .en",
        "ForceType text/plain", "RemoveHandler .x", "RemoveType .x", "AddOutputFilter INCLUDES .shtml",
        "BrowserMatch \"MSIE\" nokeepalive", "BrowserMatchNoCase \"msie\" nokeepalive",
        "IndexOptions FancyIndexing", "HeaderName HEADER.html", "ReadmeName README.html", "IndexIgnore .??*",
        "AddIcon /icons/x.gif .x", "DefaultIcon /icons/unknown.gif", "LanguagePriority en fr",
        "ForceLanguagePriority Prefer Fallback", "ErrorLogFormat \"[%t] %M\"", "Mutex file:/tmp default",
        "PidFile /tmp/x.pid", "MergeSlashes On", "HttpProtocolOptions Strict", "LimitXMLRequestBody 1000",
        "ContentDigest Off", "MaxRanges 200", "LimitInternalRecursion 10", "AcceptPathInfo On", "RLimitCPU 10",
        "ServerLimit 1", "MaxRequestWorkers 25", "StartServers 1", "ThreadsPerChild 25", "MinSpareThreads 5",
        "MaxSpareThreads 50", "MaxConnectionsPerChild 0", "ThreadLimit 64", "ListenBacklog 511",
        "GracefulShutdownTimeout 5", "ExtendedStatus On", "SeeRequestTail On", "RegisterHttpMethod FOO",
        "Protocols http/1.1", "User www-data", "Group www-data", "ServerPath /x"})
    void acceptsWhatApacheAccepts(String line) {
        ParsedFile parsed = new Confs(root).parse("x.conf", line);
        assertEquals(List.of(), Confs.messages(parsed.errors()));
    }

    @Test
    void errorsNameTheDirectiveAsWrittenAndTheFileRelativeToTheServerRoot() {
        ParsedFile parsed = new Confs(root).parse("conf/x.conf", "\n\nWSGIDaemonProcess d\nwsgidaemonprocess d\n");
        assertEquals(List.of("conf/x.conf:4: WSGIDaemonProcess: Name duplicates previous WSGI daemon definition."),
                Confs.messages(parsed.errors()));
        assertEquals("wsgidaemonprocess", parsed.errors().get(0).directive());
    }

    @Test
    void aFileOutsideTheServerRootIsNamedInFull(@TempDir Path elsewhere) {
        ParsedFile parsed = new ConfParser(root).parse(elsewhere.resolve("y.conf"), Confs.bytes("Foo"));
        assertEquals(elsewhere.toAbsolutePath().normalize() + "/y.conf:1", parsed.errors().get(0).location().toString());
    }
}
