package org.wsgi.router.http;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.wsgi.router.match.CgiNames;
import org.wsgi.router.match.RoutingTable;
import org.wsgi.router.match.UriPath;

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
    private final transient StatusHandler status;
    private final AtomicLong requestIds = new AtomicLong();
    /** Direct buffers for large body writes, kept for up to this many responses writing at once. */
    private final transient DirectWrites direct = new DirectWrites(32);
    private final transient StaticFiles files = new StaticFiles(java.nio.file.Path.of("/etc/mime.types"));
    private final transient ErrorAnswer errors;

    public WsgiServlet(WsgiRouter router, Supplier<InterpreterProvider> interpreters,
            Supplier<ProcessGroupManager> daemons, CgiEnvironment cgi, StatusHandler status) {
        this.router = router;
        this.status = status;
        this.interpreters = interpreters;
        this.daemons = daemons;
        this.cgi = cgi;
        this.errors = new ErrorAnswer(router);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long start = System.currentTimeMillis() * 1000;
        RouteRequest request = routeRequest(req);
        answer(req, resp, request, router.route(request), start, null);
    }

    /**
     * Answers {@code route}; {@code failed} is the error an {@code ErrorDocument} is being answered for (then an
     * error of this answer gets the first error's page, as Apache answers a recursive error), else {@code null}.
     */
    private void answer(HttpServletRequest req, HttpServletResponse resp, RouteRequest request, Route route,
            long start, ErrorAnswer.Failure failed) throws IOException {
        switch (route.outcome()) {
            case WSGI:
                break;
            case REDIRECT:
                // Apache answers a redirect through ap_die too: an ErrorDocument for 3xx applies
                error(req, resp, request, route, route.status(), "Location", route.reason(), start, failed);
                return;
            case TRACE:
                TraceEcho.send(req, resp, "extended".equals(route.reason()));
                return;
            case STATUS:
                status.send(req, resp);
                return;
            case FILE:
                if (java.nio.file.Files.isDirectory(route.target().script())) {
                    DirectoryListing.send(resp, route.target().script().toFile(), route.scriptName(),
                            req.getMethod().equals("HEAD"), failed == null ? 200 : failed.status());
                } else if (failed == null && route.limitRequestBody() > 0
                        && req.getContentLengthLong() > route.limitRequestBody()) {
                    // Apache's default handler discards the body first, and refuses one larger than allowed.
                    LOG.error("[client {}:{}] {}", req.getRemoteAddr(), req.getRemotePort(),
                            RequestChecks.reason(413, route, req.getContentLengthLong()));
                    error(req, resp, request, route, 413, null, null, start, null);
                } else {
                    int refusedFile = files.send(req, resp, route.target().script(), direct,
                            route.environOptions(), failed == null ? 0 : failed.status());
                    if (refusedFile != 0) {
                        error(req, resp, request, route, refusedFile, refusedFile == 416 ? null : "Allow",
                                StaticFiles.ALLOW, start, failed);
                    }
                }
                return;
            default:
                LOG.info("[client {}:{}] {} {}: {}", req.getRemoteAddr(), req.getRemotePort(), route.status(),
                        req.getRequestURI(), route.reason());
                if (route.status() == 401) {
                    error(req, resp, request, route, 401, "WWW-Authenticate", route.reason(), start, failed);
                } else if (route.status() == 405 || route.status() == 501) {
                    // A status forced by configuration (RewriteRule [R=405]): Apache allows no method but TRACE,
                    // and none at all for a TRACE that TraceEnable off refuses.
                    error(req, resp, request, route, route.status(), "Allow",
                            RoutingTable.TRACE_DENIED.equals(route.reason()) ? "" : "TRACE", start, failed);
                } else {
                    error(req, resp, request, route, route.status(), null, null, start, failed);
                }
                return;
        }
        int refused = RequestChecks.refuse(route, req.getHeader("Transfer-Encoding"), req.getContentLengthLong());
        if (refused != 0) {
            LOG.error("[client {}:{}] {}", req.getRemoteAddr(), req.getRemotePort(), RequestChecks.reason(refused,
                    route, req.getContentLengthLong()));
            error(req, resp, request, route, refused, null, null, start, failed);
            return;
        }
        String id = Long.toString(requestIds.incrementAndGet(), 36);
        ServletExchange exchange = new ServletExchange(req, resp, route, cgi, request.remoteAddr(), id, start,
                direct);
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
                int code = exchange.bodyTooLarge() ? 413 : e.status();
                if (failed != null) {
                    errors.recursive(req, resp, failed);
                } else {
                    answerError(req, resp, request, route, code, null, null, start,
                            route.environOptions().errorDocument(code) == null ? null : exchange.environ());
                }
            }
        } catch (UncheckedIOException clientGone) {
            // The client went away while the body was written; the gateway logged it in one line, as mod_wsgi
            // does. The response cannot be completed and nothing else is wrong: no stack trace for the server log.
            LOG.debug("{} {}", exchange.logTag(), clientGone.getMessage());
        } finally {
            exchange.release();
        }
    }

    /**
     * The server's answer to an error: the {@code ErrorDocument} configured for it, or Apache's own page; while an
     * error document is being answered ({@code failed}), the first error's page saying a second one happened.
     */
    private void error(HttpServletRequest req, HttpServletResponse resp, RouteRequest request, Route route,
            int code, String header, String value, long start, ErrorAnswer.Failure failed) throws IOException {
        if (failed != null) {
            errors.recursive(req, resp, failed);
        } else {
            answerError(req, resp, request, route, code, header, value, start, null);
        }
    }

    /** @param applicationEnviron the failed application's CGI variables when the error is its failure, else null */
    private void answerError(HttpServletRequest req, HttpServletResponse resp, RouteRequest request, Route route,
            int code, String header, String value, long start, Map<String, String> applicationEnviron)
            throws IOException {
        ErrorAnswer.Redirect redirect = errors.answer(req, resp, request, route, code, header, value,
                applicationEnviron);
        if (redirect != null) {
            // The document starts from empty headers (no validators of the file that failed), but for the error's
            // own (a 401's challenge, a redirect's Location), which Apache keeps for it.
            resp.reset();
            if (header != null) {
                resp.setHeader(header, value);
            }
            answer(redirect.request(), resp, redirect.routeRequest(), redirect.route(), start, redirect.failure());
        }
    }

    private static RouteRequest routeRequest(HttpServletRequest req) {
        return new RouteRequest(req.getMethod(), CgiEnvironment.scheme(req), req.getHeader("Host"),
                req.getLocalPort(), UriPath.rawBytes(req.getRequestURI()), UriPath.rawBytes(req.getQueryString()),
                CgiNames.address(req.getRemoteAddr()), new RequestHeaders(req));
    }
}
