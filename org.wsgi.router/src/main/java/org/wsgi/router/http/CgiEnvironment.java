package org.wsgi.router.http;

import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.wsgi.api.Route;

/**
 * Builds the CGI and {@code mod_wsgi.*} variables of a routed request the way mod_wsgi 4.9 sets them (anchors.md
 * 1.3.1). Values are native strings; the gateway adds the {@code wsgi.*} objects.
 */
public final class CgiEnvironment {

    /** What the server says about itself in {@code SERVER_SOFTWARE}. */
    public static final String SERVER_SOFTWARE = "Apache/2.4 (mod_wsgi-jvm) mod_wsgi/4.9.4 Jython/2.7";

    private final String serverAdmin;

    public CgiEnvironment(String serverAdmin) {
        this.serverAdmin = serverAdmin;
    }

    /** The environment for one request; {@code requestId} is unique per request. */
    public Map<String, String> build(HttpServletRequest req, Route route, String requestId, long startMicros) {
        Map<String, String> env = new LinkedHashMap<>(128);
        // SetEnv first: request headers and the CGI variables below take precedence, as in mod_wsgi's environ.
        env.putAll(route.env());
        Enumeration<String> names = req.getHeaderNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            String key = headerKey(name);
            if (key == null || (!route.passAuthorization() && key.equals("HTTP_AUTHORIZATION"))) {
                continue;
            }
            env.put(key, RequestHeaders.joined(req.getHeaders(name)));
        }
        String contentType = env.remove("HTTP_CONTENT_TYPE");
        if (contentType != null) {
            env.put("CONTENT_TYPE", contentType);
        }
        String contentLength = env.remove("HTTP_CONTENT_LENGTH");
        if (contentLength != null) {
            env.put("CONTENT_LENGTH", contentLength);
        }
        // mod_wsgi never passes PATH, and turns HTTPS into wsgi.url_scheme (anchors.md 1.3.1).
        env.remove("PATH");
        String https = env.remove("HTTPS");
        String scheme = req.getScheme();
        boolean secure = "https".equals(scheme) || https != null
                && (https.equalsIgnoreCase("on") || https.equals("1") || https.equalsIgnoreCase("yes"));
        env.put("wsgi.url_scheme", secure ? "https" : "http");
        env.put("SERVER_SIGNATURE", "");
        env.put("SERVER_SOFTWARE", SERVER_SOFTWARE);
        env.put("SERVER_NAME", route.serverName());
        env.put("SERVER_ADDR", req.getLocalAddr());
        env.put("SERVER_PORT", String.valueOf(serverPort(req, scheme)));
        env.put("REMOTE_ADDR", req.getRemoteAddr());
        env.put("DOCUMENT_ROOT", route.documentRoot());
        env.put("REQUEST_SCHEME", scheme);
        env.put("CONTEXT_PREFIX", "");
        env.put("CONTEXT_DOCUMENT_ROOT", route.documentRoot());
        env.put("SERVER_ADMIN", serverAdmin);
        env.put("SCRIPT_FILENAME", route.target().script().toString());
        env.put("REMOTE_PORT", String.valueOf(req.getRemotePort()));
        env.put("GATEWAY_INTERFACE", "CGI/1.1");
        env.put("SERVER_PROTOCOL", req.getProtocol());
        env.put("REQUEST_METHOD", req.getMethod());
        String query = req.getQueryString();
        String seen = route.query() != null ? route.query() : query;
        env.put("QUERY_STRING", seen == null ? "" : seen);
        env.put("REQUEST_URI", query == null ? req.getRequestURI() : req.getRequestURI() + "?" + query);
        env.put("SCRIPT_NAME", route.scriptName());
        env.put("PATH_INFO", route.pathInfo());
        if (!route.pathInfo().isEmpty()) {
            env.put("PATH_TRANSLATED", route.documentRoot() + route.pathInfo());
        }
        env.put("mod_wsgi.script_name", route.scriptName());
        env.put("mod_wsgi.path_info", route.pathInfo());
        env.put("mod_wsgi.process_group", route.processGroup());
        env.put("mod_wsgi.application_group", route.target().applicationGroup());
        env.put("mod_wsgi.callable_object", route.target().callableObject());
        env.put("mod_wsgi.request_handler", "wsgi-script");
        env.put("mod_wsgi.handler_script", "");
        env.put("mod_wsgi.script_reloading", route.target().reloading() ? "1" : "0");
        env.put("mod_wsgi.listener_host", req.getLocalAddr());
        env.put("mod_wsgi.listener_port", String.valueOf(req.getLocalPort()));
        env.put("mod_wsgi.enable_sendfile", "0");
        env.put("mod_wsgi.ignore_activity", "0");
        env.put("mod_wsgi.request_id", requestId);
        env.put("mod_wsgi.request_start", String.valueOf(startMicros));
        env.put("mod_wsgi.script_start", String.valueOf(startMicros));
        env.put("mod_wsgi.thread_id", String.valueOf(Thread.currentThread().getId()));
        return env;
    }

    /**
     * {@code UseCanonicalName Off}: the port of the Host header; a Host header without one means the scheme's
     * default port (as Apache reports it); no Host header at all, the port the connection arrived on.
     */
    static int serverPort(HttpServletRequest req, String scheme) {
        String host = req.getHeader("Host");
        if (host == null) {
            return req.getLocalPort();
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

    /** {@code HTTP_X_Y} for {@code X-Y}; {@code null} for names Apache would not pass (anything but [A-Za-z0-9-]). */
    static String headerKey(String name) {
        StringBuilder b = new StringBuilder(name.length() + 5).append("HTTP_");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '-') {
                b.append('_');
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                b.append(Character.toUpperCase(c));
            } else {
                return null;
            }
        }
        return b.toString().toUpperCase(Locale.ROOT);
    }
}
