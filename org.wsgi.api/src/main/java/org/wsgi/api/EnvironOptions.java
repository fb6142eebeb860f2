package org.wsgi.api;

import java.util.Map;

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
 * @param errorDocuments {@code ErrorDocument}: status to what answers it instead of the server's own error page,
 *        its {@code %{VAR}} already expanded: a message marked with a leading {@code "} (as Apache marks it), a
 *        local URL-path starting with {@code /}, else a full URL
 * @since 2.2
 */
public record EnvironOptions(ProxyTrust proxyTrust, String serverAdmin, boolean mapHeadToGet, boolean enableSendfile,
        String defaultCharset, int canonicalPort, int fileETag, Map<Integer, String> errorDocuments) {

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
            ETAG_DEFAULT, Map.of());

    public EnvironOptions {
        proxyTrust = proxyTrust == null ? ProxyTrust.NONE : proxyTrust;
        errorDocuments = errorDocuments == null ? Map.of() : Map.copyOf(errorDocuments);
    }

    /** Options without {@code ErrorDocument}. */
    public EnvironOptions(ProxyTrust proxyTrust, String serverAdmin, boolean mapHeadToGet, boolean enableSendfile,
            String defaultCharset, int canonicalPort, int fileETag) {
        this(proxyTrust, serverAdmin, mapHeadToGet, enableSendfile, defaultCharset, canonicalPort, fileETag, Map.of());
    }

    /** Options without {@code AddDefaultCharset}, {@code UseCanonicalName} and {@code FileETag}. */
    public EnvironOptions(ProxyTrust proxyTrust, String serverAdmin, boolean mapHeadToGet, boolean enableSendfile) {
        this(proxyTrust, serverAdmin, mapHeadToGet, enableSendfile, null, 0, ETAG_DEFAULT, Map.of());
    }

    /** What {@code ErrorDocument} says for {@code status}, or {@code null} for the server's own page. */
    public String errorDocument(int status) {
        return errorDocuments.get(status);
    }

    /** These options with {@code ServerAdmin} and {@code ErrorDocument} as given. */
    public EnvironOptions withErrorAnswers(String admin, Map<Integer, String> documents) {
        return new EnvironOptions(proxyTrust, admin, mapHeadToGet, enableSendfile, defaultCharset, canonicalPort,
                fileETag, documents);
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
