package org.wsgi.router.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Apache core's answer to {@code TRACE} ({@code TraceEnable on}, its default): the request line and headers as
 * received, as {@code message/http}. A request body is refused with 413 unless {@code TraceEnable extended}, which
 * echoes it too. The application never sees a TRACE, as under mod_wsgi.
 */
final class TraceEcho {

    /** The largest body {@code TraceEnable extended} echoes (Apache's 64 KiB). */
    private static final long EXTENDED_LIMIT = 64 * 1024;

    private TraceEcho() {
    }

    static void send(HttpServletRequest req, HttpServletResponse resp, boolean extended) throws IOException {
        boolean hasBody = req.getContentLengthLong() > 0 || req.getHeader("Transfer-Encoding") != null;
        if (hasBody && (!extended || req.getContentLengthLong() > EXTENDED_LIMIT)) {
            ErrorPages.send(req, resp, 413);
            return;
        }
        StringBuilder b = new StringBuilder(256).append(req.getMethod()).append(' ').append(req.getRequestURI());
        if (req.getQueryString() != null) {
            b.append('?').append(req.getQueryString());
        }
        b.append(' ').append(req.getProtocol()).append("\r\n");
        for (String name : Collections.list(req.getHeaderNames())) {
            for (String value : Collections.list(req.getHeaders(name))) {
                b.append(name).append(": ").append(value).append("\r\n");
            }
        }
        b.append("\r\n");
        resp.setStatus(200);
        resp.setContentType("message/http");
        var out = resp.getOutputStream();
        out.write(b.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (hasBody) {
            req.getInputStream().transferTo(out);
        }
    }
}
