package org.wsgi.router.match;

import java.util.Locale;

import org.wsgi.api.RouteRequest;

/** The {@code %{NAME}} server variables mod_rewrite conditions read, for one request. */
final class ServerVariables {

    private ServerVariables() {
    }

    static String of(String name, RouteRequest r, String uri, RoutingTable.Server server, HostHeader host,
            int port) {
        if (name.startsWith("HTTP:")) {
            return r.headers().get(name.substring(5).toLowerCase(Locale.ROOT));
        }
        if (name.startsWith("ENV:")) {
            return System.getenv(name.substring(4));
        }
        switch (name) {
            case "REQUEST_URI":
            case "REQUEST_FILENAME":
            case "SCRIPT_FILENAME":
                return uri;
            case "REMOTE_ADDR":
            case "REMOTE_HOST":
                return r.remoteAddr();
            case "REQUEST_METHOD":
                return r.method();
            case "QUERY_STRING":
                return r.query() == null ? "" : r.query();
            case "SERVER_NAME":
                return host.name() != null ? host.name() : server.name();
            case "SERVER_PORT":
                return String.valueOf(port);
            case "HTTPS":
                return "https".equals(r.scheme()) ? "on" : "off";
            case "REQUEST_SCHEME":
                return r.scheme();
            case "DOCUMENT_ROOT":
                return server.documentRoot();
            case "THE_REQUEST":
                return r.method() + " " + r.rawPath() + (r.query() == null ? "" : "?" + r.query()) + " HTTP/1.1";
            default:
                if (name.startsWith("HTTP_")) {
                    return r.headers().get(name.substring(5).toLowerCase(Locale.ROOT).replace('_', '-'));
                }
                return null;
        }
    }
}
