package org.wsgi.api;

import java.util.Map;
import java.util.Objects;

/**
 * What the router needs to know of an HTTP request.
 *
 * @param method the request method
 * @param scheme {@code http} or {@code https}
 * @param host the {@code Host} header as sent (may include a port), or {@code null}
 * @param localPort the port the connection arrived on
 * @param rawPath the request path exactly as sent: still %-encoded, not normalised
 * @param query the raw query string, or {@code null}
 * @param remoteAddr the client's address
 * @param headers request headers, names lower-case, repeated headers joined with {@code ", "}
 */
public record RouteRequest(String method, String scheme, String host, int localPort, String rawPath, String query,
        String remoteAddr, Map<String, String> headers) {

    public RouteRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        headers = headers == null ? Map.of() : headers;
    }
}
