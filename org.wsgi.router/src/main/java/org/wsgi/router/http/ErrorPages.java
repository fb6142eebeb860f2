package org.wsgi.router.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sends Apache's built-in error documents ({@link CannedPages}), so clients see the pages they would from httpd:
 * the same status, text, {@code Content-Type} and the one header the status needs ({@code Location},
 * {@code WWW-Authenticate}, {@code Allow}).
 */
final class ErrorPages {

    private ErrorPages() {
    }

    static void send(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
        send(request, response, status, null, null, null);
    }

    /**
     * The page for {@code status}, with one extra header (e.g. {@code Location}, whose target a 3xx page links to)
     * when {@code header} is given; {@code serverAdmin} ({@code null}: none configured) is named by the pages of
     * server errors.
     */
    static void send(HttpServletRequest request, HttpServletResponse response, int status, String header,
            String value, String serverAdmin) throws IOException {
        send(request, response, status, header, value, serverAdmin, 0);
    }

    /**
     * The page for {@code status} with Apache's paragraph on the {@code recursive} status an {@code ErrorDocument}
     * for it met (0: none).
     */
    static void send(HttpServletRequest request, HttpServletResponse response, int status, String header,
            String value, String serverAdmin, int recursive) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        if (header != null) {
            response.setHeader(header, value);
        }
        if (status == 204 || status == 304) {
            response.setStatus(status); // Apache sends these without a page, a type or a length
            return;
        }
        String location = "Location".equals(header) ? value : null;
        byte[] bytes = CannedPages.page(status, request.getMethod(), location, serverAdmin, recursive)
                .getBytes(StandardCharsets.ISO_8859_1);
        write(response, status, bytes);
    }

    /** {@code ErrorDocument}'s message for {@code status}, sent as Apache sends it: the text alone, as HTML. */
    static void message(HttpServletResponse response, int status, String header, String value, String text)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        if (header != null) {
            response.setHeader(header, value);
        }
        write(response, status, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void write(HttpServletResponse response, int status, byte[] bytes) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html; charset=iso-8859-1");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
