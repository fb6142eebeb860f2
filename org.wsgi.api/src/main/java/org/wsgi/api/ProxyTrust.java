package org.wsgi.api;

import java.util.List;

/**
 * {@code WSGITrustedProxyHeaders} and {@code WSGITrustedProxies} in effect for a request: which proxy headers may
 * rewrite the environ ({@code REMOTE_ADDR}, {@code wsgi.url_scheme}, {@code HTTP_HOST}, {@code SERVER_NAME},
 * {@code SERVER_PORT}, {@code SCRIPT_NAME}), and from which clients.
 *
 * @param headers the trusted headers as CGI names ({@code HTTP_X_FORWARDED_FOR}), in the order written
 * @param proxies the trusted proxies' addresses or subnets as written; empty means every client is trusted
 */
public record ProxyTrust(List<String> headers, List<String> proxies) {

    /** No header trusted: the environ is the request's. */
    public static final ProxyTrust NONE = new ProxyTrust(List.of(), List.of());

    public ProxyTrust {
        headers = List.copyOf(headers);
        proxies = List.copyOf(proxies);
    }

    /** Whether anything is to be done at all. */
    public boolean active() {
        return !headers.isEmpty();
    }
}
