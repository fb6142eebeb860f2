package org.wsgi.router.match;

import java.util.List;
import java.util.Map;

import org.wsgi.api.EnvironOptions;
import org.wsgi.api.ProxyTrust;
import org.wsgi.api.config.DirectorySettings;

/**
 * The options a route carries beside its variables ({@link EnvironOptions}), read from the merged settings of the
 * request's directory: trusted proxy headers, {@code ServerAdmin}, {@code WSGIMapHEADToGET},
 * {@code WSGIEnableSendfile}, {@code AddDefaultCharset}, {@code UseCanonicalName}, {@code FileETag} and
 * {@code ErrorDocument}.
 */
final class RouteOptions {

    private RouteOptions() {
    }

    /** What else shapes the environ; the shared default when nothing is configured, as for most requests. */
    static EnvironOptions of(DirectorySettings s, Mapper.Request r) {
        DirectorySettings server = r.server().settings();
        ProxyTrust trust = proxyTrust(s);
        String admin = Directives.value(server, "ServerAdmin");
        boolean head = "on".equalsIgnoreCase(Directives.value(s, "WSGIMapHEADToGET"));
        boolean sendfile = "on".equalsIgnoreCase(Directives.value(s, "WSGIEnableSendfile"));
        String charset = defaultCharset(s);
        int canonicalPort = r.server().canonical() ? r.port() : 0;
        int etag = FileETags.of(s);
        Map<Integer, String> errorDocuments = !ErrorDocuments.any(s) ? Map.of()
                : ErrorDocuments.of(s, name -> ServerVariables.of(name, r.http(), r.uri(), r.server(), r.host(),
                        r.port()));
        return trust == ProxyTrust.NONE && admin == null && !head && !sendfile && charset == null && canonicalPort == 0
                && etag == EnvironOptions.ETAG_DEFAULT && errorDocuments.isEmpty() ? EnvironOptions.DEFAULT
                : new EnvironOptions(trust, admin, head, sendfile, charset, canonicalPort, etag, errorDocuments);
    }

    /** {@code AddDefaultCharset}: {@code On} is ISO-8859-1, {@code Off} none, else the charset named. */
    private static String defaultCharset(DirectorySettings s) {
        String v = Directives.value(s, "AddDefaultCharset");
        if (v == null || v.equalsIgnoreCase("off")) {
            return null;
        }
        return v.equalsIgnoreCase("on") ? "iso-8859-1" : v;
    }

    /** {@code WSGITrustedProxyHeaders} (as CGI names) and {@code WSGITrustedProxies}, every occurrence in order. */
    private static ProxyTrust proxyTrust(DirectorySettings s) {
        List<List<String>> headers = s.directives().get("WSGITrustedProxyHeaders");
        if (headers == null) {
            return ProxyTrust.NONE;
        }
        List<String> names = new java.util.ArrayList<>();
        headers.forEach(line -> line.stream().map(CgiNames::headerKey).filter(java.util.Objects::nonNull)
                .forEach(names::add));
        List<String> proxies = new java.util.ArrayList<>();
        s.directives().getOrDefault("WSGITrustedProxies", List.of()).forEach(proxies::addAll);
        return new ProxyTrust(names, proxies);
    }
}
