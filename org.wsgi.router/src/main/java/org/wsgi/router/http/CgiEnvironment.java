package org.wsgi.router.http;

import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import jakarta.servlet.http.HttpServletRequest;

import org.wsgi.api.Route;
import org.wsgi.router.match.CgiNames;
import org.wsgi.router.match.ProxyHeaders;
import org.wsgi.router.match.UriPath;

/**
 * Builds the CGI and {@code mod_wsgi.*} variables of a routed request the way mod_wsgi 4.9 sets them (anchors.md
 * 1.3.1). Values are native strings; the gateway adds the {@code wsgi.*} objects.
 */
public final class CgiEnvironment {

    private static final String CIPHER_SUITE = "jakarta.servlet.request.cipher_suite";

    /** What the server says about itself in {@code SERVER_SOFTWARE}. */
    public static final String SERVER_SOFTWARE = "Apache/2.4 (mod_wsgi-jvm) mod_wsgi/4.9.4 Jython/2.7";

    /** Distinct header names whose CGI names are kept; beyond it names are converted on each request. */
    private static final int HEADER_KEY_CACHE = 512;

    private final String serverAdmin;
    private final Map<String, String> headerKeys = new ConcurrentHashMap<>();

    public CgiEnvironment(String serverAdmin) {
        this.serverAdmin = serverAdmin;
    }

    /** The environment for one request as a map; {@code requestId} is unique per request. */
    public Map<String, String> build(HttpServletRequest req, Route route, String requestId, long startMicros) {
        Map<String, String> env = new LinkedHashMap<>(128);
        emit(req, route, CgiNames.address(req.getRemoteAddr()), requestId, startMicros, env::put);
        return env;
    }

    /**
     * Passes the environment of one request to {@code sink}, name by name; where a name comes twice, the later value
     * is the one that counts (a map's {@code put}). The gateway fills its {@code environ} dict this way without a
     * map in between. {@code remoteAddr} is the request's, as the router saw it (Jetty formats it anew per call).
     */
    public void emit(HttpServletRequest req, Route route, String remoteAddr, String requestId, long startMicros,
            BiConsumer<String, String> sink) {
        if (route.proxyTrust().active()) {
            // Trusted proxy headers rewrite what was emitted: only then does the environment go through a map.
            Map<String, String> env = new LinkedHashMap<>(128);
            emitPlain(req, route, remoteAddr, requestId, startMicros, env::put);
            ProxyHeaders.apply(env, route.proxyTrust());
            env.forEach(sink);
        } else {
            emitPlain(req, route, remoteAddr, requestId, startMicros, sink);
        }
    }

    private void emitPlain(HttpServletRequest req, Route route, String remoteAddr, String requestId, long startMicros,
            BiConsumer<String, String> sink) {
        // SetEnv first: request headers and the CGI variables below take precedence, as in mod_wsgi's environ.
        // mod_wsgi never passes PATH, and turns HTTPS into wsgi.url_scheme (anchors.md 1.3.1).
        String https = null;
        for (Map.Entry<String, String> e : route.env().entrySet()) {
            String key = e.getKey();
            if (key.equals("HTTPS")) {
                https = e.getValue();
            } else if (!key.equals("PATH")) {
                sink.accept(cgiName(key), e.getValue());
            }
        }
        Enumeration<String> names = req.getHeaderNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            String key = headerKey(name);
            // Proxy: never HTTP_PROXY, which CGI libraries take for a proxy setting ("httpoxy"), as Apache drops it;
            // Proxy-Authorization: the credentials for a proxy, which Apache never passes either.
            if (key == null || key.equals("HTTP_PROXY") || key.equals("HTTP_PROXY_AUTHORIZATION")
                    || (!route.passAuthorization() && key.equals("HTTP_AUTHORIZATION"))) {
                continue;
            }
            sink.accept(cgiName(key), RequestHeaders.joined(req.getHeaders(name)));
        }
        String scheme = scheme(req);
        boolean secure = "https".equals(scheme) || https != null
                && (https.equalsIgnoreCase("on") || https.equals("1") || https.equalsIgnoreCase("yes"));
        String localAddr = req.getLocalAddr();
        String documentRoot = route.documentRoot();
        String scriptName = route.scriptName();
        String pathInfo = route.pathInfo();
        sink.accept("wsgi.url_scheme", secure ? "https" : "http");
        sink.accept("SERVER_SIGNATURE", "");
        sink.accept("SERVER_SOFTWARE", SERVER_SOFTWARE);
        sink.accept("SERVER_NAME", route.serverName());
        sink.accept("SERVER_ADDR", localAddr);
        int canonicalPort = route.environOptions().canonicalPort();
        sink.accept("SERVER_PORT", String.valueOf(canonicalPort > 0 ? canonicalPort : serverPort(req, scheme)));
        sink.accept("REMOTE_ADDR", remoteAddr);
        sink.accept("DOCUMENT_ROOT", documentRoot);
        sink.accept("REQUEST_SCHEME", scheme);
        sink.accept("CONTEXT_PREFIX", "");
        sink.accept("CONTEXT_DOCUMENT_ROOT", documentRoot);
        sink.accept("SERVER_ADMIN", route.serverAdmin() != null ? route.serverAdmin() : serverAdmin);
        sink.accept("SCRIPT_FILENAME", route.target().script().toString());
        sink.accept("REMOTE_PORT", String.valueOf(req.getRemotePort()));
        sink.accept("GATEWAY_INTERFACE", "CGI/1.1");
        sink.accept("SERVER_PROTOCOL", req.getProtocol());
        String method = req.getMethod();
        sink.accept("REQUEST_METHOD", route.environOptions().mapHeadToGet() && method.equals("HEAD") ? "GET" : method);
        String query = UriPath.rawBytes(req.getQueryString());
        String seen = route.query() != null ? route.query() : query;
        sink.accept("QUERY_STRING", seen == null ? "" : seen);
        String uri = UriPath.rawBytes(req.getRequestURI());
        sink.accept("REQUEST_URI", query == null ? uri : uri + "?" + query);
        sink.accept("SCRIPT_NAME", scriptName);
        sink.accept("PATH_INFO", pathInfo);
        if (!pathInfo.isEmpty()) {
            sink.accept("PATH_TRANSLATED", documentRoot + pathInfo);
        }
        sink.accept("mod_wsgi.script_name", scriptName);
        sink.accept("mod_wsgi.path_info", pathInfo);
        sink.accept("mod_wsgi.process_group", route.processGroup());
        sink.accept("mod_wsgi.application_group", route.target().applicationGroup());
        sink.accept("mod_wsgi.callable_object", route.target().callableObject());
        sink.accept("mod_wsgi.request_handler", "wsgi-script");
        sink.accept("mod_wsgi.handler_script", "");
        sink.accept("mod_wsgi.script_reloading", route.target().reloading() ? "1" : "0");
        sink.accept("mod_wsgi.listener_host", localAddr);
        sink.accept("mod_wsgi.listener_port", String.valueOf(req.getLocalPort()));
        sink.accept("mod_wsgi.enable_sendfile", route.environOptions().enableSendfile() ? "1" : "0");
        sink.accept("mod_wsgi.ignore_activity", "0");
        sink.accept("mod_wsgi.request_id", requestId);
        String start = String.valueOf(startMicros);
        sink.accept("mod_wsgi.request_start", start);
        sink.accept("mod_wsgi.script_start", start);
        sink.accept("mod_wsgi.thread_id", String.valueOf(Thread.currentThread().getId()));
    }

    /**
     * The connection's scheme, as Apache's {@code ap_http_scheme}: {@code https} only on TLS (Jetty's TLS
     * customizer sets the cipher suite attribute), never what an absolute-form target ({@code GET https://...})
     * claims, which Jetty's {@code getScheme()} and {@code isSecure()} report.
     */
    static String scheme(HttpServletRequest req) {
        return req.getAttribute(CIPHER_SUITE) != null ? "https" : "http";
    }

    private static String cgiName(String key) {
        return CgiNames.cgiName(key);
    }

    /**
     * {@code UseCanonicalName Off}: the port of the Host header; a Host header without one, or none at all (an
     * HTTP/1.0 request), means the scheme's default port, as Apache reports it and as the router names
     * {@code %{SERVER}} and {@code %{RESOURCE}} groups.
     */
    static int serverPort(HttpServletRequest req, String scheme) {
        String host = req.getHeader("Host");
        if (host == null) {
            return "https".equals(scheme) ? 443 : 80;
        }
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.indexOf(']', colon) < 0) {
            try {
                return Integer.parseInt(host.substring(colon + 1).trim());
            } catch (NumberFormatException e) {
                return req.getLocalPort();
            }
        }
        return "https".equals(scheme) ? 443 : 80;
    }

    /**
     * {@code HTTP_X_Y} for {@code X-Y}; {@code null} for names Apache would not pass (anything but [A-Za-z0-9-]).
     * Names seen before come from a bounded cache: they are mostly the same few dozen on every request.
     */
    String headerKey(String name) {
        String key = headerKeys.get(name);
        if (key == null) {
            key = toHeaderKey(name);
            if (key == null) {
                return null;
            }
            if (headerKeys.size() < HEADER_KEY_CACHE) {
                headerKeys.putIfAbsent(name, key);
            }
        }
        return key;
    }

    static String toHeaderKey(String name) {
        return CgiNames.headerKey(name);
    }
}
