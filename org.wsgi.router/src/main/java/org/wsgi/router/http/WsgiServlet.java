package org.wsgi.router.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsgi.api.Route;
import org.wsgi.api.RouteRequest;
import org.wsgi.api.WsgiRouter;
import org.wsgi.api.exec.InterpreterProvider;
import org.wsgi.api.exec.ProcessGroupManager;
import org.wsgi.api.exec.WsgiException;

/**
 * The one servlet every request enters: route it, apply the request checks mod_wsgi makes before the application
 * runs (body size, chunked bodies), and hand it to the embedded interpreter or a daemon process group.
 */
public final class WsgiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(WsgiServlet.class);

    private final transient WsgiRouter router;
    private final transient Supplier<InterpreterProvider> interpreters;
    private final transient Supplier<ProcessGroupManager> daemons;
    private final transient CgiEnvironment cgi;
    private final AtomicLong requestIds = new AtomicLong();

    public WsgiServlet(WsgiRouter router, Supplier<InterpreterProvider> interpreters,
            Supplier<ProcessGroupManager> daemons, CgiEnvironment cgi) {
        this.router = router;
        this.interpreters = interpreters;
        this.daemons = daemons;
        this.cgi = cgi;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long start = System.currentTimeMillis() * 1000;
        Route route = router.route(routeRequest(req));
        if (route.outcome() != Route.Outcome.WSGI) {
            LOG.info("[client {}:{}] {} {}: {}", req.getRemoteAddr(), req.getRemotePort(), route.status(),
                    req.getRequestURI(), route.reason());
            ErrorPages.send(resp, route.status());
            return;
        }
        int refused = refuseBody(req, route);
        if (refused != 0) {
            ErrorPages.send(resp, refused);
            return;
        }
        String id = Long.toString(requestIds.incrementAndGet(), 36);
        ServletExchange exchange = new ServletExchange(req, resp, cgi.build(req, route, id, start));
        try {
            if (route.processGroup().isEmpty()) {
                InterpreterProvider p = interpreters.get();
                if (p == null) {
                    throw new WsgiException(503, "No embedded interpreter provider is available");
                }
                p.execute(route.target(), exchange);
            } else {
                ProcessGroupManager m = daemons.get();
                if (m == null) {
                    throw new WsgiException(503, "No daemon process manager is available for group '"
                            + route.processGroup() + "'");
                }
                m.execute(route.processGroup(), route.target(), exchange);
            }
        } catch (WsgiException e) {
            if (e.getCause() == null) {
                LOG.error("{} {}", exchange.logTag(), e.getMessage());
            } else {
                // The provider has logged the failure with its traceback, tagged with the request.
                LOG.debug("{} {}", exchange.logTag(), e.getMessage(), e.getCause());
            }
            if (!exchange.headersSent()) {
                ErrorPages.send(resp, e.status());
            }
        }
    }

    /** 413 for a declared body over LimitRequestBody, 411 for a chunked body without WSGIChunkedRequest On. */
    private static int refuseBody(HttpServletRequest req, Route route) {
        String te = req.getHeader("Transfer-Encoding");
        if (te != null) {
            if (!te.trim().toLowerCase(Locale.ROOT).equals("chunked")) {
                return 501;
            }
            if (!route.chunkedRequest()) {
                LOG.error("[client {}:{}] mod_wsgi: Unable to process request as optional support for chunked "
                        + "transfer encoding has not been enabled.", req.getRemoteAddr(), req.getRemotePort());
                return 411;
            }
        }
        long length = req.getContentLengthLong();
        if (route.limitRequestBody() > 0 && length > route.limitRequestBody()) {
            LOG.error("[client {}:{}] Requested content-length of {} is larger than the configured limit of {}",
                    req.getRemoteAddr(), req.getRemotePort(), length, route.limitRequestBody());
            return 413;
        }
        return 0;
    }

    private static RouteRequest routeRequest(HttpServletRequest req) {
        Map<String, String> headers = new LinkedHashMap<>();
        var names = req.getHeaderNames();
        while (names.hasMoreElements()) {
            String n = names.nextElement();
            headers.merge(n.toLowerCase(Locale.ROOT), req.getHeader(n), (a, b) -> a + ", " + b);
        }
        return new RouteRequest(req.getMethod(), req.getScheme(), req.getHeader("Host"), req.getLocalPort(),
                req.getRequestURI(), req.getQueryString(), req.getRemoteAddr(), headers);
    }
}
