package org.wsgi.config.apache.parser;

import static org.wsgi.config.apache.parser.ArgShape.FLAG;
import static org.wsgi.config.apache.parser.ArgShape.ITERATE;
import static org.wsgi.config.apache.parser.ArgShape.ITERATE2;
import static org.wsgi.config.apache.parser.ArgShape.RAW_ARGS;
import static org.wsgi.config.apache.parser.ArgShape.TAKE1;
import static org.wsgi.config.apache.parser.ArgShape.TAKE12;
import static org.wsgi.config.apache.parser.ArgShape.TAKE2;
import static org.wsgi.config.apache.parser.Directive.ACCESS;
import static org.wsgi.config.apache.parser.Directive.FILEINFO;
import static org.wsgi.config.apache.parser.Directive.GLOBAL_ONLY;
import static org.wsgi.config.apache.parser.Directive.INDEXES;
import static org.wsgi.config.apache.parser.Directive.OPTIONS;
import static org.wsgi.config.apache.parser.Directive.OR_ALL;
import static org.wsgi.config.apache.parser.Directive.RSRC;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The directives of Apache's core, its event MPM and the modules the reference loads (mod_mime, mod_setenvif,
 * mod_autoindex, mod_negotiation) that a pasted configuration carries besides mod_wsgi's: accepted in the contexts
 * Apache accepts them in, with its argument checks, and either given meaning ({@code TraceEnable},
 * {@code BrowserMatch}, {@code AddDefaultCharset}, {@code UseCanonicalName}) or kept with a notice saying what happens instead. Apache accepts them all (each checked
 * against the reference), so rejecting the file would be the bigger difference. {@code AddDefaultCharset} is kept
 * for the router, which adds the charset to responses as Apache does.
 */
final class ServerDirectives {

    private static final int SERVER = RSRC;
    private static final int SERVER_DIR = RSRC | ACCESS;
    private static final int GLOBAL = RSRC | GLOBAL_ONLY;
    private static final String PROCESS = "Apache's processes, threads, connections and limits are the JVM's and"
            + " Jetty's here";
    private static final String LOGGING = "the server logs through its own logging configuration (slf4j)";
    private static final String LISTING = "directory listings are the server's plain ones";
    private static final String NOT_YET = "not implemented yet";

    private ServerDirectives() {
    }

    static List<Directive> all() {
        List<Directive> d = new ArrayList<>();
        // core: what mod_wsgi applications notice
        d.add(new Directive("TraceEnable", TAKE1, SERVER, ServerDirectives::traceEnable,
                "'on' (default), 'off' or 'extended' to trace request body content"));
        d.add(new Directive("ServerSignature", TAKE1, OR_ALL, c -> unless(c, "off",
                "error pages carry no signature line"), "En-/disable server signature (on|off|email)"));
        d.add(new Directive("AddDefaultCharset", TAKE1, FILEINFO, CommonHandlers::store,
                "The name of the default charset to add to any Content-Type without one or 'Off' to disable"));
        d.add(new Directive("UseCanonicalName", TAKE1, SERVER_DIR, c -> c.arg(0).equalsIgnoreCase("dns")
                ? ignored(c, NOT_YET + ": the server's name and port come from the Host header, as under Off")
                : c.store(),
                "How to work out the ServerName : Port when constructing URLs"));
        d.add(new Directive("HostnameLookups", TAKE1, SERVER_DIR, c -> unless(c, "off",
                "REMOTE_HOST is not looked up"), "\"on\" to enable, \"off\" to disable reverse DNS lookups, or"
                        + " \"double\" to require double-reverse DNS lookups"));
        d.add(new Directive("FileETag", RAW_ARGS, FILEINFO, ServerDirectives::fileETag,
                "One or more file attributes to use in the ETag: INode, MTime, Size, All, None"));
        d.add(new Directive("AcceptPathInfo", TAKE1, FILEINFO, c -> ignored(c, NOT_YET),
                "Set to on or off for PATH_INFO to be accepted by handlers, or default for the per-handler"
                        + " preference"));
        // core and the MPM: the process, its connections and its limits
        d.add(new Directive("UseCanonicalPhysicalPort", FLAG, SERVER_DIR, c -> ignored(c, PROCESS), null));
        for (String name : List.of("KeepAlive", "MergeSlashes", "ProtocolsHonorOrder")) {
            d.add(new Directive(name, FLAG, SERVER, c -> ignored(c, PROCESS), null));
        }
        for (String name : List.of("KeepAliveTimeout", "MaxKeepAliveRequests", "Timeout", "LimitRequestFields",
                "LimitRequestFieldSize", "LimitRequestLine", "ServerPath")) {
            d.add(new Directive(name, TAKE1, SERVER, c -> ignored(c, PROCESS), null));
        }
        for (String name : List.of("HttpProtocolOptions", "Protocols")) {
            d.add(new Directive(name, ITERATE, SERVER, c -> ignored(c, PROCESS), null));
        }
        d.add(new Directive("AccessFileName", RAW_ARGS, SERVER, c -> ignored(c, PROCESS), null));
        d.add(new Directive("TypesConfig", TAKE1, SERVER, c -> ignored(c, PROCESS), null));
        d.add(new Directive("LimitInternalRecursion", TAKE12, SERVER, c -> ignored(c, PROCESS), null));
        for (String name : List.of("RLimitCPU", "RLimitMEM", "RLimitNPROC")) {
            d.add(new Directive(name, TAKE12, OR_ALL, c -> ignored(c, PROCESS), null));
        }
        for (String name : List.of("MaxRanges", "MaxRangeOverlaps", "MaxRangeReversals")) {
            d.add(new Directive(name, TAKE1, SERVER_DIR, c -> ignored(c, PROCESS), null));
        }
        for (String name : List.of("EnableSendfile", "EnableMMAP")) {
            d.add(new Directive(name, TAKE1, FILEINFO, c -> ignored(c, PROCESS), null));
        }
        d.add(new Directive("LimitXMLRequestBody", TAKE1, OR_ALL, c -> ignored(c, PROCESS), null));
        d.add(new Directive("ContentDigest", FLAG, OPTIONS, c -> ignored(c, PROCESS), null));
        for (String name : List.of("ServerTokens", "PidFile", "User", "Group", "ServerLimit", "MaxRequestWorkers",
                "MaxClients", "StartServers", "ThreadsPerChild", "MinSpareThreads", "MaxSpareThreads",
                "MaxConnectionsPerChild", "MaxRequestsPerChild", "ThreadLimit",
                "ListenBacklog", "GracefulShutdownTimeout", "MaxMemFree", "AsyncRequestWorkerFactor",
                "ThreadStackSize", "CoreDumpDirectory", "ScoreBoardFile", "SendBufferSize", "ReceiveBufferSize",
                "DefaultRuntimeDir")) {
            d.add(new Directive(name, TAKE1, GLOBAL, c -> ignored(c, PROCESS), null));
        }
        for (String name : List.of("ExtendedStatus", "SeeRequestTail")) {
            d.add(new Directive(name, FLAG, GLOBAL, c -> ignored(c, PROCESS), null));
        }
        d.add(new Directive("Mutex", RAW_ARGS, GLOBAL, c -> ignored(c, PROCESS), null));
        d.add(new Directive("RegisterHttpMethod", ITERATE, GLOBAL, c -> ignored(c, PROCESS), null));
        d.add(new Directive("AcceptFilter", TAKE2, GLOBAL, c -> ignored(c, PROCESS), null));
        d.add(new Directive("ErrorLogFormat", TAKE12, SERVER, c -> ignored(c, LOGGING), null));
        // mod_setenvif: User-Agent tests
        d.add(new Directive("BrowserMatch", RAW_ARGS, FILEINFO, c -> browserMatch(c, "SetEnvIf"),
                "A browser regex and a list of variables."));
        d.add(new Directive("BrowserMatchNoCase", RAW_ARGS, FILEINFO, c -> browserMatch(c, "SetEnvIfNoCase"),
                "A browser regex and a list of variables."));
        // mod_mime and mod_negotiation beyond types and handlers
        for (String name : List.of("AddCharset", "AddEncoding", "AddLanguage", "AddOutputFilter", "AddInputFilter")) {
            d.add(new Directive(name, ITERATE2, FILEINFO, c -> ignored(c, NOT_YET), null));
        }
        for (String name : List.of("RemoveHandler", "RemoveType", "RemoveCharset", "RemoveEncoding", "RemoveLanguage",
                "RemoveOutputFilter", "RemoveInputFilter", "LanguagePriority", "ForceLanguagePriority")) {
            d.add(new Directive(name, ITERATE, FILEINFO, c -> ignored(c, NOT_YET), null));
        }
        for (String name : List.of("ForceType", "DefaultLanguage", "SetOutputFilter", "SetInputFilter")) {
            d.add(new Directive(name, TAKE1, FILEINFO, c -> ignored(c, NOT_YET), null));
        }
        d.add(new Directive("CacheNegotiatedDocs", FLAG, SERVER, c -> ignored(c, NOT_YET), null));
        // mod_autoindex
        for (String name : List.of("IndexIgnore", "AddIcon", "AddIconByType", "AddIconByEncoding", "AddAlt",
                "AddAltByType", "AddAltByEncoding", "AddDescription")) {
            d.add(new Directive(name, name.startsWith("Add") ? ITERATE2 : ITERATE, INDEXES,
                    c -> ignored(c, LISTING), null));
        }
        d.add(new Directive("IndexOptions", RAW_ARGS, INDEXES, c -> ignored(c, LISTING), null));
        d.add(new Directive("IndexOrderDefault", TAKE2, INDEXES, c -> ignored(c, LISTING), null));
        for (String name : List.of("HeaderName", "ReadmeName", "DefaultIcon", "IndexStyleSheet", "IndexHeadInsert")) {
            d.add(new Directive(name, TAKE1, INDEXES, c -> ignored(c, LISTING), null));
        }
        d.add(new Directive("IndexIgnoreReset", FLAG, INDEXES, c -> ignored(c, LISTING), null));
        return d;
    }

    /** Kept for the router, which answers TRACE by it; Apache's values only. */
    private static String traceEnable(DirectiveCall call) {
        if (!Set.of("on", "off", "extended").contains(call.arg(0).toLowerCase(Locale.ROOT))) {
            return "TraceEnable must be one of 'on', 'off', or 'extended'";
        }
        return call.store();
    }

    /** Kept for the static files' ETag; {@code Digest} (a content hash) is noted, not made. */
    private static String fileETag(DirectiveCall call) {
        List<String> words = ConfWords.split(call.raw());
        if (words.stream().anyMatch(w -> w.replaceFirst("^[+-]", "").equalsIgnoreCase("digest"))) {
            call.notice("FileETag Digest is accepted but ignored: " + NOT_YET);
        }
        return call.store(words);
    }

    /** {@code BrowserMatch regex vars...}: {@code SetEnvIf User-Agent regex vars...}. */
    private static String browserMatch(DirectiveCall call, String as) {
        List<String> words = new ArrayList<>(ConfWords.split(call.raw()));
        if (words.isEmpty()) {
            return "Missing regular expression for " + call.name();
        }
        if (words.size() < 2) {
            return "Missing envariable expression for " + call.name();
        }
        if (!CommonHandlers.compiles(words.get(0))) {
            return "Regular expression could not be compiled.";
        }
        words.add(0, "User-Agent");
        call.settings().store(as, words);
        return null;
    }

    private static String ignored(DirectiveCall call, String why) {
        return CommonHandlers.storeIgnored(call, why);
    }

    /** Kept; a notice unless the value is {@code ours}, the behaviour the server has anyway. */
    private static String unless(DirectiveCall call, String ours, String why) {
        return call.arg(0).equalsIgnoreCase(ours) ? call.store() : CommonHandlers.storeIgnored(call, why);
    }
}
