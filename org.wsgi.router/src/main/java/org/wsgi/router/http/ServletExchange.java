package org.wsgi.router.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.wsgi.api.exec.WsgiExchange;

/** A {@link WsgiExchange} over a servlet request and response. Used by one request thread. */
final class ServletExchange implements WsgiExchange {

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Map<String, String> environ;
    private String logTag;
    private boolean headersSent;

    ServletExchange(HttpServletRequest request, HttpServletResponse response, Map<String, String> environ) {
        this.request = request;
        this.response = response;
        this.environ = java.util.Collections.unmodifiableMap(environ);
    }

    @Override
    public Map<String, String> environ() {
        return environ;
    }

    @Override
    public InputStream input() {
        try {
            return request.getInputStream();
        } catch (IOException e) {
            return InputStream.nullInputStream();
        }
    }

    @Override
    public void sendHeaders(String status, List<Map.Entry<String, String>> headers, long contentLength)
            throws IOException {
        if (headersSent) {
            throw new IllegalStateException("headers already sent");
        }
        headersSent = true;
        response.setStatus(statusCode(status));
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase("Content-Length")) {
                continue;
            }
            response.addHeader(h.getKey(), h.getValue());
        }
        if (contentLength >= 0) {
            response.setContentLengthLong(contentLength);
        }
    }

    /** The numeric part of a WSGI status line; the gateway has validated it already. */
    static int statusCode(String status) {
        return Integer.parseInt(status.substring(0, 3));
    }

    @Override
    public boolean headersSent() {
        return headersSent;
    }

    @Override
    public OutputStream body() throws IOException {
        return response.getOutputStream();
    }

    @Override
    public String logTag() {
        if (logTag == null) {
            logTag = "[client " + request.getRemoteAddr() + ":" + request.getRemotePort() + "]";
        }
        return logTag;
    }
}
