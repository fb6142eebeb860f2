package org.wsgi.api;

/**
 * The per-request settings that shape the environ beyond the variables themselves.
 *
 * @param proxyTrust the proxy headers that may rewrite the environ ({@code WSGITrustedProxyHeaders})
 * @param serverAdmin {@code ServerAdmin} of the server that answers ({@code SERVER_ADMIN}), or {@code null} for the
 *        container's default
 * @param mapHeadToGet {@code WSGIMapHEADToGET On}: a HEAD request reaches the application as GET
 * @param enableSendfile {@code WSGIEnableSendfile On}: {@code mod_wsgi.enable_sendfile} is {@code 1}
 */
public record EnvironOptions(ProxyTrust proxyTrust, String serverAdmin, boolean mapHeadToGet, boolean enableSendfile) {

    /** Nothing configured. */
    public static final EnvironOptions DEFAULT = new EnvironOptions(ProxyTrust.NONE, null, false, false);

    public EnvironOptions {
        proxyTrust = proxyTrust == null ? ProxyTrust.NONE : proxyTrust;
    }
}
