package org.wsgi.api;

/**
 * The per-request settings that shape the environ beyond the variables themselves, and the response's headers.
 *
 * @param proxyTrust the proxy headers that may rewrite the environ ({@code WSGITrustedProxyHeaders})
 * @param serverAdmin {@code ServerAdmin} of the server that answers ({@code SERVER_ADMIN}), or {@code null} for the
 *        container's default
 * @param mapHeadToGet {@code WSGIMapHEADToGET On}: a HEAD request reaches the application as GET
 * @param enableSendfile {@code WSGIEnableSendfile On}: {@code mod_wsgi.enable_sendfile} is {@code 1}
 * @param defaultCharset {@code AddDefaultCharset}: the charset added to a {@code text/plain} or {@code text/html}
 *        {@code Content-Type} that names none, or {@code null} (Off)
 * @param canonicalPort under {@code UseCanonicalName On}, the port {@code SERVER_PORT} names ({@code ServerName}'s,
 *        else the scheme's); 0 for the port of the request's {@code Host} header
 * @param fileETag {@code FileETag}: what a static file's {@code ETag} is made of ({@link #ETAG_INODE},
 *        {@link #ETAG_MTIME}, {@link #ETAG_SIZE}; 0 for none)
 */
public record EnvironOptions(ProxyTrust proxyTrust, String serverAdmin, boolean mapHeadToGet, boolean enableSendfile,
        String defaultCharset, int canonicalPort, int fileETag) {

    /** {@link #fileETag()}: the file's inode number. */
    public static final int ETAG_INODE = 1;
    /** {@link #fileETag()}: the file's modification time. */
    public static final int ETAG_MTIME = 2;
    /** {@link #fileETag()}: the file's size. */
    public static final int ETAG_SIZE = 4;
    /** Apache's default {@code FileETag MTime Size}. */
    public static final int ETAG_DEFAULT = ETAG_MTIME | ETAG_SIZE;

    /** Nothing configured. */
    public static final EnvironOptions DEFAULT = new EnvironOptions(ProxyTrust.NONE, null, false, false, null, 0,
            ETAG_DEFAULT);

    public EnvironOptions {
        proxyTrust = proxyTrust == null ? ProxyTrust.NONE : proxyTrust;
    }

    /** Options without {@code AddDefaultCharset}, {@code UseCanonicalName} and {@code FileETag}. */
    public EnvironOptions(ProxyTrust proxyTrust, String serverAdmin, boolean mapHeadToGet, boolean enableSendfile) {
        this(proxyTrust, serverAdmin, mapHeadToGet, enableSendfile, null, 0, ETAG_DEFAULT);
    }

    /**
     * {@code contentType} with {@link #defaultCharset()} added where Apache adds it: to a type starting with
     * {@code text/plain} or {@code text/html} that names no charset.
     */
    public String withDefaultCharset(String contentType) {
        if (defaultCharset == null || contentType == null) {
            return contentType;
        }
        String lower = contentType.toLowerCase(java.util.Locale.ROOT);
        boolean text = lower.startsWith("text/plain") || lower.startsWith("text/html");
        return text && !lower.contains("charset=") ? contentType + "; charset=" + defaultCharset : contentType;
    }
}
