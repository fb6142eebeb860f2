package org.wsgi.interp.jython.gateway;

import org.python.core.PyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Log lines of one request, decorated with the request's tag and application group: the application's own output
 * ({@code wsgi.errors}, at error level as mod_wsgi logs it) and the gateway's failure reports with tracebacks.
 */
public final class RequestLog implements LineSink {

    /** The logger application output goes to. */
    public static final Logger APP = LoggerFactory.getLogger("org.wsgi.interp.jython.app");
    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);

    private final String prefix;

    public RequestLog(String logTag, String group) {
        this.prefix = logTag + " [group '" + group + "']";
    }

    @Override
    public void line(String line) {
        APP.error("{} {}", prefix, line);
    }

    /** mod_wsgi's headline, e.g. {@code Exception occurred processing WSGI script '...'.}, then the traceback. */
    public void failure(String headline, Throwable failure) {
        if (failure instanceof PyException) {
            LOG.error("{} {}", prefix, headline);
            for (String line : Tracebacks.lines((PyException) failure)) {
                LOG.error("{} {}", prefix, line);
            }
        } else {
            LOG.error("{} {}", prefix, headline, failure);
        }
    }

    /** A one-line notice, e.g. a client that went away while the response was sent. */
    public void info(String message, Object detail) {
        LOG.info("{} {}: {}", prefix, message, detail);
    }
}
