package org.wsgi.router.http;

import java.util.Locale;

import org.wsgi.api.Route;

/** The checks mod_wsgi makes on a request body before the application is called. Pure functions. */
public final class RequestChecks {

    private RequestChecks() {
    }

    /**
     * @param transferEncoding the request's {@code Transfer-Encoding} header, or {@code null}
     * @param contentLength the declared body length, or -1
     * @return 0 to go on, else the status to answer with: 501 for a transfer coding other than chunked, 411 for a
     *         chunked body without {@code WSGIChunkedRequest On}, 413 for a declared body over
     *         {@code LimitRequestBody}
     */
    public static int refuse(Route route, String transferEncoding, long contentLength) {
        if (transferEncoding != null) {
            if (!transferEncoding.trim().toLowerCase(Locale.ROOT).equals("chunked")) {
                return 501;
            }
            if (!route.chunkedRequest()) {
                return 411;
            }
        }
        if (route.limitRequestBody() > 0 && contentLength > route.limitRequestBody()) {
            return 413;
        }
        return 0;
    }

    /** The log line for a refusal, in Apache's and mod_wsgi's words. */
    public static String reason(int status, Route route, long contentLength) {
        return switch (status) {
            case 411 -> "Received request requiring chunked transfer encoding, but optional support for chunked "
                    + "transfer encoding has not been enabled.";
            case 413 -> "AH01588: Requested content-length of " + contentLength
                    + " is larger than the configured limit of " + route.limitRequestBody();
            default -> "Unsupported transfer encoding";
        };
    }
}
