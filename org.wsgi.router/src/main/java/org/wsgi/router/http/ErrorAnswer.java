package org.wsgi.router.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.wsgi.api.Route;
import org.wsgi.api.RouteRequest;
import org.wsgi.api.WsgiRouter;
import org.wsgi.router.match.ErrorDocuments;
import org.wsgi.router.match.UriPath;

/**
 * The server's answer to an error, as Apache's {@code ap_die} gives it: the {@code ErrorDocument} configured for
 * the status (a message, a redirect to a full URL, or an internal redirect to a local URL-path, made as a GET with
 * the {@code REDIRECT_} variables), else Apache's own page. An error met while answering with a local document
 * gets the first error's page with a paragraph saying so.
 */
final class ErrorAnswer {

    /** The error an error document is being answered for. */
    record Failure(int status, String header, String value, String serverAdmin) {
    }

    /** A local error document to answer with: the request as it continues, routed. */
    record Redirect(HttpServletRequest request, RouteRequest routeRequest, Route route, Failure failure) {
    }

    private final WsgiRouter router;

    ErrorAnswer(WsgiRouter router) {
        this.router = router;
    }

    /**
     * Sends the answer to {@code status} for {@code route}, or returns the internal redirect the servlet is to follow.
     *
     * @param header a header the status needs ({@code WWW-Authenticate}, {@code Allow}) or {@code null}
     * @param applicationEnviron when the application failed, the CGI variables it was given: mod_wsgi had put them
     *        into Apache's environment, so a local document sees each again under {@code REDIRECT_} (the query string
     *        even when empty); else {@code null}
     */
    Redirect answer(HttpServletRequest req, HttpServletResponse resp, RouteRequest request, Route route, int status,
            String header, String value, Map<String, String> applicationEnviron) throws IOException {
        String document = route.environOptions().errorDocument(status);
        if (document == null || resp.isCommitted()) {
            ErrorPages.send(req, resp, status, header, value, route.serverAdmin());
            return null;
        }
        switch (ErrorDocuments.kindOf(document)) {
            case MESSAGE:
                ErrorPages.message(resp, status, header, value, ErrorDocuments.message(document));
                return null;
            case URL:
                // The page of the 302 this becomes is itself what ErrorDocument says for 302, if that is a message.
                String moved = route.environOptions().errorDocument(302);
                if (moved != null && ErrorDocuments.kindOf(moved) == ErrorDocuments.Kind.MESSAGE) {
                    ErrorPages.message(resp, 302, "Location", document, ErrorDocuments.message(moved));
                } else {
                    ErrorPages.send(req, resp, 302, "Location", document, route.serverAdmin());
                }
                return null;
            default:
                break;
        }
        int q = document.indexOf('?');
        String query = q < 0 ? null : document.substring(q + 1);
        RouteRequest get = new RouteRequest("GET", request.scheme(), request.host(), request.localPort(),
                UriPath.rawBytes(q < 0 ? document : document.substring(0, q)), query,
                request.remoteAddr(), request.headers());
        Route next = router.route(get);
        if (next.outcome() == Route.Outcome.WSGI) {
            next = withRedirectVariables(next, request, route, status, query, applicationEnviron);
        }
        // Apache makes the redirect a GET whatever the method was (a HEAD's answer still goes without a body).
        return new Redirect(new HttpServletRequestWrapper(req) {
            @Override
            public String getMethod() {
                return "GET";
            }
        }, get, next, new Failure(status, header, value, route.serverAdmin()));
    }

    /** Apache's page for the first error, saying an error document failed too. */
    void recursive(HttpServletRequest req, HttpServletResponse resp, Failure failed) throws IOException {
        // The reference names the first error's status in the added paragraph, whatever the document met.
        ErrorPages.send(req, resp, failed.status(), failed.header(), failed.value(), failed.serverAdmin(),
                failed.status());
    }

    private static Route withRedirectVariables(Route next, RouteRequest original, Route failed, int status,
            String query, Map<String, String> applicationEnviron) {
        Map<String, String> env = new LinkedHashMap<>(next.env());
        env.put("REDIRECT_STATUS", Integer.toString(status));
        env.put("REDIRECT_URL", decodedPath(original.rawPath()));
        if (original.query() != null || applicationEnviron != null) {
            env.put("REDIRECT_QUERY_STRING", original.query() == null ? "" : original.query());
        }
        env.put("REDIRECT_REQUEST_METHOD", original.method());
        failed.env().forEach((k, v) -> env.putIfAbsent("REDIRECT_" + k, v));
        if (applicationEnviron != null) {
            applicationEnviron.forEach((k, v) -> env.putIfAbsent("REDIRECT_" + k, v));
        }
        return new Route(next.outcome(), next.status(), next.reason(), next.target(), next.scriptName(),
                next.pathInfo(), next.processGroup(), next.serverName(), next.documentRoot(), env,
                next.passAuthorization(), next.chunkedRequest(), next.limitRequestBody(), next.generation(),
                next.query() != null ? next.query() : query == null ? "" : query, next.environOptions());
    }

    /** The request's path decoded, as a native string (one char per byte, as PEP 3333 gives the environ). */
    private static String decodedPath(String raw) {
        try {
            return UriPath.decode(raw);
        } catch (UriPath.BadPathException e) {
            return raw;
        }
    }
}
