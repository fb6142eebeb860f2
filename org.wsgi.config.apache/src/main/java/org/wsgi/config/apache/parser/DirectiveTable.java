package org.wsgi.config.apache.parser;

import static org.wsgi.config.apache.parser.ArgShape.FLAG;
import static org.wsgi.config.apache.parser.ArgShape.ITERATE;
import static org.wsgi.config.apache.parser.ArgShape.ITERATE2;
import static org.wsgi.config.apache.parser.ArgShape.RAW_ARGS;
import static org.wsgi.config.apache.parser.ArgShape.TAKE1;
import static org.wsgi.config.apache.parser.ArgShape.TAKE12;
import static org.wsgi.config.apache.parser.ArgShape.TAKE123;
import static org.wsgi.config.apache.parser.ArgShape.TAKE2;
import static org.wsgi.config.apache.parser.ArgShape.TAKE23;
import static org.wsgi.config.apache.parser.Directive.ACCESS;
import static org.wsgi.config.apache.parser.Directive.AUTHCFG;
import static org.wsgi.config.apache.parser.Directive.FILEINFO;
import static org.wsgi.config.apache.parser.Directive.GLOBAL_ONLY;
import static org.wsgi.config.apache.parser.Directive.INDEXES;
import static org.wsgi.config.apache.parser.Directive.LIMIT;
import static org.wsgi.config.apache.parser.Directive.OPTIONS;
import static org.wsgi.config.apache.parser.Directive.OR_ALL;
import static org.wsgi.config.apache.parser.Directive.RSRC;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.wsgi.api.config.ScriptMount.Kind;
import org.wsgi.config.apache.parser.Directive.Handler;

/**
 * Every directive the parser knows, in the manner of mod_wsgi's {@code wsgi_commands[]}: name, argument shape,
 * allowed contexts, handler and Apache's help text. Sections ({@code <VirtualHost>} ...) are in
 * {@link SectionKind}. Anything not listed is an "Invalid command".
 */
final class DirectiveTable {

    private static final String LOGGING = "the server logs through its own logging configuration (slf4j)";
    private static final int SERVER = RSRC;
    private static final int SERVER_DIR = RSRC | ACCESS;
    private static final int GLOBAL = RSRC | GLOBAL_ONLY;
    private static final Map<String, Directive> TABLE = new LinkedHashMap<>();

    static {
        // mod_wsgi: directives with a typed place in the model
        add("WSGIScriptAlias", RAW_ARGS, SERVER, c -> WsgiHandlers.scriptAlias(c, Kind.PREFIX),
                "Map location to target WSGI script file.");
        add("WSGIScriptAliasMatch", RAW_ARGS, SERVER, c -> WsgiHandlers.scriptAlias(c, Kind.MATCH),
                "Map location pattern to target WSGI script file.");
        add("WSGIDaemonProcess", RAW_ARGS, SERVER, WsgiHandlers::daemonProcess,
                "Specify details of daemon processes to start.");
        add("WSGIProcessGroup", TAKE1, SERVER_DIR, WsgiHandlers::processGroup, "Name of the WSGI process group.");
        add("WSGIApplicationGroup", TAKE1, SERVER_DIR, WsgiHandlers::applicationGroup,
                "Application interpreter group.");
        add("WSGICallableObject", TAKE1, FILEINFO, WsgiHandlers::callableObject,
                "Name of entry point in WSGI script file.");
        add("WSGIImportScript", RAW_ARGS, SERVER, WsgiHandlers::importScript, "Location of WSGI import script.");
        add("WSGIRestrictProcess", RAW_ARGS, SERVER_DIR, WsgiHandlers::restrictProcess,
                "Limit selectable WSGI process groups.");
        add("WSGIPassAuthorization", TAKE1, FILEINFO, WsgiHandlers::passAuthorization,
                "Enable/Disable WSGI authorization.");
        add("WSGIScriptReloading", TAKE1, FILEINFO, WsgiHandlers::scriptReloading,
                "Enable/Disable script reloading mechanism.");
        add("WSGIChunkedRequest", TAKE1, FILEINFO, WsgiHandlers::chunkedRequest,
                "Enable/Disable support for chunked requests.");
        // mod_wsgi: meaningful here, kept as written for the bundles that implement them
        add("WSGIErrorOverride", TAKE1, FILEINFO, c -> WsgiHookHandlers.notYetWhenOn(c,
                "the application's error responses are sent as it made them, not replaced by ErrorDocument"),
                "Enable/Disable overriding of error pages.");
        add("WSGIMapHEADToGET", TAKE1, FILEINFO, WsgiHookHandlers::mapHeadToGet, "Enable/Disable mapping of HEAD to GET.");
        add("WSGIIgnoreActivity", TAKE1, FILEINFO, CommonHandlers::storeOnOff,
                "Enable/Disable reset of inactvity timeout.");
        add("WSGIEnableSendfile", TAKE1, FILEINFO, CommonHandlers::storeOnOff,
                "Enable/Disable support for kernel sendfile.");
        add("WSGITrustedProxyHeaders", RAW_ARGS, FILEINFO, WsgiHookHandlers::trustedProxyHeaders,
                "Specify a list of trusted proxy headers.");
        add("WSGITrustedProxies", RAW_ARGS, FILEINFO, WsgiHookHandlers::trustedProxies,
                "Specify a list of trusted proxies.");
        add("WSGIDispatchScript", RAW_ARGS, SERVER_DIR, c -> WsgiHookHandlers.script(c, "dispatch", null),
                "Location of WSGI dispatch script.");
        add("WSGIHandlerScript", RAW_ARGS, SERVER_DIR, WsgiHookHandlers::handlerScript,
                "Location of WSGI handler script file.");
        add("WSGIAccessScript", RAW_ARGS, AUTHCFG, c -> WsgiHookHandlers.script(c, "access", null),
                "Location of WSGI host access script file.");
        add("WSGIAuthUserScript", RAW_ARGS, AUTHCFG, c -> WsgiHookHandlers.script(c, "auth user", null),
                "Location of WSGI user auth script file.");
        add("WSGIAuthGroupScript", RAW_ARGS, AUTHCFG, c -> WsgiHookHandlers.script(c, "auth group", null),
                "Location of WSGI group auth script file.");
        add("WSGIGroupAuthoritative", TAKE1, AUTHCFG, CommonHandlers::storeOnOff,
                "Enable/Disable as being authoritative on groups.");
        add("WSGIRestrictEmbedded", TAKE1, GLOBAL, CommonHandlers::storeOnOff,
                "Enable/Disable use of embedded mode.");
        add("WSGICaseSensitivity", TAKE1, GLOBAL, CommonHandlers::storeOnOff,
                "Define whether file system is case sensitive.");
        // mod_wsgi: about CPython or Apache processes, no meaning on the JVM
        add("WSGIPassApacheRequest", TAKE1, SERVER_DIR, CommonHandlers::ignoreOnOff,
                "Enable/Disable Apache request object.");
        add("WSGIPythonHome", TAKE1, GLOBAL, CommonHandlers::ignore, "Python prefix/exec_prefix absolute path names.");
        add("WSGIPythonPath", TAKE1, GLOBAL, CommonHandlers::store, "Python module search path.");
        add("WSGIPythonEggs", TAKE1, GLOBAL, CommonHandlers::ignore, "Python eggs cache directory.");
        add("WSGIPythonOptimize", TAKE1, GLOBAL, CommonHandlers::ignore, "Set level of Python compiler optimisations.");
        add("WSGIPythonHashSeed", TAKE1, GLOBAL, CommonHandlers::ignore, "Python hash seed.");
        add("WSGIPythonWarnings", TAKE1, GLOBAL, CommonHandlers::ignore, "Control Python warning messages.");
        add("WSGIDontWriteBytecode", TAKE1, GLOBAL, CommonHandlers::ignoreOnOff, "Enable/Disable writing of byte code.");
        add("WSGIDestroyInterpreter", TAKE1, GLOBAL, CommonHandlers::ignoreOnOff,
                "Enable/Disable destruction of Python interpreter.");
        add("WSGISocketPrefix", TAKE1, GLOBAL, CommonHandlers::ignore, "Path prefix for the daemon process sockets.");
        add("WSGISocketRotation", TAKE1, GLOBAL, CommonHandlers::ignoreOnOff,
                "Enable/Disable rotation of daemon process sockets.");
        add("WSGIAcceptMutex", TAKE1, GLOBAL, CommonHandlers::ignore, "Set accept mutex type for daemon processes.");
        add("WSGILazyInitialization", TAKE1, GLOBAL, CommonHandlers::ignoreOnOff,
                "Enable/Disable lazy Python initialization.");
        add("WSGIVerboseDebugging", TAKE1, GLOBAL, CommonHandlers::ignoreOnOff,
                "Enable/Disable verbose debugging messages.");
        add("WSGIRestrictStdin", TAKE1, GLOBAL, CommonHandlers::storeOnOff,
                "Enable/Disable restrictions on use of STDIN.");
        add("WSGIRestrictStdout", TAKE1, GLOBAL, CommonHandlers::storeOnOff,
                "Enable/Disable restrictions on use of STDOUT.");
        add("WSGIRestrictSignal", TAKE1, GLOBAL, CommonHandlers::storeOnOff,
                "Enable/Disable restrictions on use of signal().");
        add("WSGIServerMetrics", TAKE1, GLOBAL, CommonHandlers::ignoreOnOff,
                "Enabled/Disable access to server metrics.");
        add("WSGINewRelicConfigFile", TAKE1, GLOBAL, CommonHandlers::ignore, "New Relic monitoring agent configuration.");
        add("WSGINewRelicEnvironment", TAKE1, GLOBAL, CommonHandlers::ignore, "New Relic monitoring agent environment.");
        add("WSGIPy3kWarningFlag", TAKE1, GLOBAL, CommonHandlers::ignoreOnOff, "Enable/Disable Python 3.0 warnings.");
        add("WSGISwitchInterval", TAKE1, GLOBAL, CommonHandlers::ignore,
                "Override Python GIL switch interval (seconds).");
        add("WSGIPerInterpreterGIL", TAKE1, GLOBAL, CommonHandlers::ignoreOnOff,
                "Enable/Disable per-interpreter GIL for sub-interpreters (Python 3.12+).");
        add("WSGIFreeThreading", TAKE1, GLOBAL, CommonHandlers::ignoreOnOff, "Enable/Disable free-threaded Python.");
        add("WSGITelemetryService", TAKE12, GLOBAL, CommonHandlers::ignore, "Push telemetry to a metrics service.");
        add("WSGISlowRequests", TAKE1, GLOBAL, CommonHandlers::ignore, "Enable slow-request reporting.");
        add("WSGITelemetryOptions", RAW_ARGS, GLOBAL, CommonHandlers::ignore, "Toggle telemetry capture options.");
        // Apache core
        add("ServerName", TAKE1, SERVER, CoreHandlers::serverName, "The hostname and port of the server");
        add("ServerAlias", RAW_ARGS, SERVER, CoreHandlers::serverAlias,
                "A name or names alternately used to access the server");
        add("DocumentRoot", TAKE1, SERVER, CoreHandlers::documentRoot, "Root directory of the document tree");
        add("AllowEncodedSlashes", TAKE1, SERVER, StoredHandlers::allowEncodedSlashes,
                "Allow URLs containing '/' encoded as '%2F'");
        add("LimitRequestBody", TAKE1, SERVER_DIR | OR_ALL, CoreHandlers::limitRequestBody,
                "Limit (in bytes) on maximum size of request message body");
        add("Options", RAW_ARGS, OPTIONS, CoreHandlers::options, "Set a number of attributes for a given directory");
        add("AllowOverride", RAW_ARGS, ACCESS, StoredHandlers::allowOverride,
                "Controls what groups of directives can be configured by per-directory config files");
        add("SetHandler", TAKE1, FILEINFO, CoreHandlers::setHandler,
                "a handler name that overrides any other configured handler");
        add("ErrorLog", TAKE1, SERVER, c -> CommonHandlers.storeIgnored(c, LOGGING), "The filename of the error log");
        add("LogLevel", RAW_ARGS, SERVER_DIR, c -> CommonHandlers.storeIgnored(c, LOGGING),
                "Level of verbosity in error logging");
        add("ServerAdmin", TAKE1, SERVER, CommonHandlers::store, "The email address of the server administrator");
        add("ErrorDocument", TAKE2, FILEINFO, ErrorDocumentHandler::errorDocument, "Change responses for HTTP errors");
        add("DefaultType", TAKE1, FILEINFO,
                c -> CommonHandlers.storeIgnored(c, "it has no effect in Apache 2.4 either"),
                "the default media type for otherwise untyped files (DEPRECATED)");
        add("Include", TAKE1, SERVER_DIR, c -> c.scope().includes().include(c.arg(0), false),
                "Name(s) of the config file(s) to be included; fails if the wildcard doesn't match at least one file");
        add("IncludeOptional", TAKE1, SERVER_DIR, c -> c.scope().includes().include(c.arg(0), true),
                "Name or pattern of the config file(s) to be included; ignored if the file does not exist or the "
                        + "pattern does not match any files");
        add("Define", TAKE12, SERVER_DIR, CoreHandlers::define,
                "Define a variable, optionally to a value.  Same as passing -D to the command line.");
        add("UnDefine", TAKE1, SERVER_DIR, CoreHandlers::undefine, "Undefine the existence of a variable. Undo a Define.");
        add("Listen", TAKE12, GLOBAL, StoredHandlers::apacheOnly,
                "A port number or a numeric IP address and a port number, and an optional protocol");
        add("NameVirtualHost", TAKE1, SERVER, StoredHandlers::apacheOnly,
                "A numeric IP address:port, or the name of a host");
        add("LoadModule", TAKE2, GLOBAL, StoredHandlers::apacheOnly,
                "a module name and the name of a shared object file to load it from");
        // mod_alias, mod_userdir, mod_env, mod_setenvif, mod_mime, mod_dir, mod_negotiation, mod_log_config
        add("Alias", TAKE2, SERVER, c -> CoreHandlers.alias(c, Kind.PREFIX), "a fakename and a realname");
        add("UserDir", RAW_ARGS, SERVER, StoredHandlers::userDir, "the public subdirectory in users' home "
                + "directories, or 'disabled', or 'disabled username username...', or 'enabled username username...'");
        add("AliasMatch", TAKE2, SERVER, c -> CoreHandlers.alias(c, Kind.MATCH), "a regular expression and a filename");
        add("Redirect", TAKE123, FILEINFO, c -> RedirectHandlers.redirect(c, false),
                "an optional status, then document to be redirected and destination URL");
        add("RedirectMatch", TAKE23, FILEINFO, c -> RedirectHandlers.redirect(c, true),
                "an optional status, then a regular expression and destination URL");
        add("RedirectPermanent", TAKE2, FILEINFO, c -> RedirectHandlers.fixed(c, 301),
                "a document to be redirected, then the destination URL");
        add("RedirectTemp", TAKE2, FILEINFO, c -> RedirectHandlers.fixed(c, 302),
                "a document to be redirected, then the destination URL");
        add("SetEnv", TAKE12, FILEINFO, CoreHandlers::setEnv,
                "an environment variable name and optional value to pass to CGI.");
        add("UnsetEnv", ITERATE, FILEINFO, CoreHandlers::unsetEnv,
                "a list of variables to remove from the CGI environment.");
        add("PassEnv", ITERATE, FILEINFO, CoreHandlers::passEnv, "a list of environment variables to pass to CGI.");
        add("SetEnvIf", RAW_ARGS, FILEINFO, StoredHandlers::setEnvIf, "A header-name, regex and a list of variables.");
        add("SetEnvIfNoCase", RAW_ARGS, FILEINFO, StoredHandlers::setEnvIf,
                "a header-name, regex and a list of variables.");
        add("AddHandler", ITERATE2, FILEINFO, CoreHandlers::addHandler,
                "a handler name followed by one or more file extensions");
        add("AddType", ITERATE2, FILEINFO, CommonHandlers::store, "a mime type followed by one or more file extensions");
        add("DirectoryIndex", ITERATE, INDEXES, CoreHandlers::directoryIndex, "a list of file names");
        add("MultiviewsMatch", RAW_ARGS, FILEINFO, StoredHandlers::multiviewsMatch,
                "NegotiatedOnly (default), Handlers and/or Filters, or Any");
        add("CustomLog", TAKE23, SERVER, c -> CommonHandlers.storeIgnored(c, LOGGING),
                "a file name, a custom log format string or format name, and an optional \"env=\" or \"expr=\" "
                        + "clause (see docs)");
        add("LogFormat", TAKE12, SERVER, CommonHandlers::store,
                "a log format string (see docs) and an optional format name");
        // mod_access_compat, mod_authz_core, mod_authn_core, mod_authn_file, mod_auth_basic
        add("Order", TAKE1, LIMIT, StoredHandlers::order, "'allow,deny', 'deny,allow', or 'mutual-failure'");
        add("Allow", ITERATE2, LIMIT, StoredHandlers::allowDeny,
                "'from' followed by hostnames or IP-address wildcards");
        add("Deny", ITERATE2, LIMIT, StoredHandlers::allowDeny,
                "'from' followed by hostnames or IP-address wildcards");
        add("Satisfy", ITERATE, AUTHCFG, StoredHandlers::satisfy,
                "access policy if both allow and require used ('all' or 'any')");
        add("Require", RAW_ARGS, AUTHCFG, StoredHandlers::require, "specifies authorization requirements");
        add("AuthType", TAKE1, AUTHCFG, CommonHandlers::store, "an HTTP authorization type (e.g., \"Basic\")");
        add("AuthName", TAKE1, AUTHCFG, CommonHandlers::store, "the authentication realm (e.g. \"Members Only\")");
        add("AuthUserFile", TAKE12, AUTHCFG, StoredHandlers::authUserFile, "text file containing user IDs and passwords");
        add("AuthGroupFile", TAKE12, AUTHCFG, StoredHandlers::authGroupFile,
                "text file containing group names and member user IDs");
        add("AuthBasicProvider", ITERATE, AUTHCFG, CommonHandlers::store,
                "specify the auth providers for a directory or location");
        // mod_rewrite
        add("RewriteEngine", FLAG, FILEINFO, CommonHandlers::store,
                "On or Off to enable or disable (default) the whole rewriting engine");
        add("RewriteCond", RAW_ARGS, FILEINFO, StoredHandlers::rewriteCond,
                "an input string and a to be applied regexp-pattern");
        add("RewriteRule", RAW_ARGS, FILEINFO, StoredHandlers::rewriteRule,
                "an URL-applied regexp-pattern and a substitution URL");
        add("RewriteMap", TAKE23, SERVER, StoredHandlers::rewriteMap, "a mapname and a filename and options");
        add("RewriteBase", TAKE1, FILEINFO, StoredHandlers::rewriteBase, "the base URL of the per-directory context");
        add("RewriteOptions", ITERATE, FILEINFO, CommonHandlers::store, "List of option strings to set");
        // the rest of Apache's core, MPM and loaded modules that pasted configurations carry
        for (Directive d : ServerDirectives.all()) {
            if (TABLE.putIfAbsent(d.name().toLowerCase(Locale.ROOT), d) != null) {
                throw new IllegalStateException("two definitions of " + d.name());
            }
        }
    }

    private DirectiveTable() {
    }

    private static void add(String name, ArgShape shape, int allowed, Handler handler, String help) {
        TABLE.put(name.toLowerCase(Locale.ROOT), new Directive(name, shape, allowed, handler, help));
    }

    /** The directive called {@code name} in any letter case, or {@code null}. */
    static Directive find(String name) {
        return TABLE.get(name.toLowerCase(Locale.ROOT));
    }

    static Collection<Directive> all() {
        return TABLE.values();
    }
}
