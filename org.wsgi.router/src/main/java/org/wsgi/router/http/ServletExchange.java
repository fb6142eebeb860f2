package org.wsgi.router.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsgi.api.Route;
import org.wsgi.api.exec.ResponseRefusedException;
import org.wsgi.api.exec.WsgiExchange;

/** A {@link WsgiExchange} over a servlet request and response. Used by one request thread. */
final class ServletExchange implements WsgiExchange {

    private static final Logger LOG = LoggerFactory.getLogger(ServletExchange.class);

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Route route;
    private final CgiEnvironment cgi;
    private final String remoteAddr;
    private final String requestId;
    private final long startMicros;
    private final DirectWrites direct;
    private Map<String, String> environ;
    private ResponseBody body;
    private String logTag;
    private boolean headersSent;
    private boolean bodyTooLarge;

    ServletExchange(HttpServletRequest request, HttpServletResponse response, Route route, CgiEnvironment cgi,
            String remoteAddr, String requestId, long startMicros, DirectWrites direct) {
        this.remoteAddr = remoteAddr;
        this.request = request;
        this.direct = direct;
        this.response = response;
        this.route = route;
        this.cgi = cgi;
        this.requestId = requestId;
        this.startMicros = startMicros;
    }

    /** Built on first use: the embedded gateway takes the variables through {@link #environ(BiConsumer)}. */
    @Override
    public Map<String, String> environ() {
        if (environ == null) {
            environ = Collections.unmodifiableMap(cgi.build(request, route, requestId, startMicros));
        }
        return environ;
    }

    @Override
    public void environ(BiConsumer<String, String> sink) {
        if (environ != null) {
            environ.forEach(sink);
        } else {
            cgi.emit(request, route, remoteAddr, requestId, startMicros, sink);
        }
    }

    /**
     * The body, opened on its first read: Jetty answers {@code Expect: 100-continue} when the servlet opens its
     * input, and Apache only when the application reads, so a client is not told to send a body no one reads. One
     * of undeclared length is held to {@code LimitRequestBody} (a declared one was checked before).
     */
    @Override
    public InputStream input() {
        InputStream in = new OpenedOnRead(() -> {
            try {
                return request.getInputStream();
            } catch (IllegalStateException e) {
                return InputStream.nullInputStream();
            }
        });
        long limit = route.limitRequestBody();
        if (limit > 0 && request.getContentLengthLong() < 0) {
            in = new LimitedBody(in, limit, read -> {
                bodyTooLarge = true;
                LOG.error("{} AH01591: Read content length of {} is larger than the configured limit of {}",
                        logTag(), read, limit);
            });
        }
        return in;
    }

    /**
     * Whether the body went past {@code LimitRequestBody} while the application read it: the request is then
     * answered 413, as Apache answers it, whatever the application does after the failed read.
     */
    boolean bodyTooLarge() {
        return bodyTooLarge;
    }

    /**
     * Sends the status and headers as Apache sends mod_wsgi's: {@code Content-Type} once (the last given wins;
     * none, and no {@code Content-Length}, on a 204 or 304),
     * {@code Date} and {@code Server} the server's own (Apache replaces an application's), every other header
     * as given. The reason phrase is the container's for the code: Jetty 12 sends no other (by design; HTTP/1.1
     * clients ignore it). A code below 100, which mod_wsgi passes on, cannot be sent: it fails before anything is.
     */
    @Override
    public void sendHeaders(String status, List<Map.Entry<String, String>> headers, long contentLength)
            throws IOException {
        if (headersSent) {
            throw new IllegalStateException("headers already sent");
        }
        if (bodyTooLarge) {
            throw new ResponseRefusedException("the request body is larger than LimitRequestBody: answered 413");
        }
        int code = statusCode(status);
        if (code < 100) {
            throw new ResponseRefusedException("status line '" + status + "' has a code below 100, which an"
                    + " HTTP/1.1 response cannot carry");
        }
        headersSent = true;
        response.setStatus(code);
        boolean noContent = code == 204 || code == 304; // Apache sends these without Content-Type and -Length
        for (Map.Entry<String, String> h : headers) {
            String name = h.getKey();
            if (name.equalsIgnoreCase("Content-Type")) {
                if (!noContent) {
                    response.setHeader(name, route == null ? h.getValue()
                            : route.environOptions().withDefaultCharset(h.getValue()));
                }
            } else if (!serversOwn(name)) {
                response.addHeader(name, h.getValue());
            }
        }
        if (contentLength >= 0 && !noContent) {
            response.setContentLengthLong(contentLength);
        }
    }

    /** Headers the server sets itself: an application's are dropped. */
    private static boolean serversOwn(String name) {
        return name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Date")
                || name.equalsIgnoreCase("Server");
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
        if (body == null) {
            body = new ResponseBody(response.getOutputStream(), direct);
        }
        return body;
    }

    /** The request is over: gives back what the body borrowed. */
    void release() {
        if (body != null) {
            body.release();
        }
    }

    @Override
    public String logTag() {
        if (logTag == null) {
            logTag = "[client " + remoteAddr + ":" + request.getRemotePort() + "]";
        }
        return logTag;
    }
}
