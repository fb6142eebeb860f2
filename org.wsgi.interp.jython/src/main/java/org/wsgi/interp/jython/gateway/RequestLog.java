package org.wsgi.interp.jython.gateway;

import java.util.function.Consumer;

import org.python.core.PyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsgi.api.exec.ResponseRefusedException;

/**
 * Log lines of one request, decorated with the request's tag and application group: the application's own output
 * ({@code wsgi.errors}, and {@code sys.stdout}/{@code sys.stderr} while the request is {@link #bind() bound} to the
 * thread; at error level as mod_wsgi logs it) and the gateway's reports (failures with tracebacks, truncated
 * responses).
 */
public final class RequestLog implements LineSink {

    /** The logger application output goes to. */
    public static final Logger APP = LoggerFactory.getLogger("org.wsgi.interp.jython.app");
    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);
    private static final ThreadLocal<RequestLog> CURRENT = new ThreadLocal<>();
    /** Sees every line logged through this class; for tests. */
    private static volatile Consumer<String> observer;

    private final java.util.function.Supplier<String> logTag;
    private final String group;
    /** Built on the first log line only: most requests log nothing. */
    private String prefix;

    public RequestLog(String logTag, String group) {
        this(() -> logTag, group);
    }

    /** A request's log, asking for its tag only when a line is written. */
    public RequestLog(java.util.function.Supplier<String> logTag, String group) {
        this.logTag = logTag;
        this.group = group;
    }

    private String prefix() {
        String p = prefix;
        if (p == null) {
            p = logTag.get() + " [group '" + group + "']";
            prefix = p;
        }
        return p;
    }

    /**
     * Makes this the current request of the thread until the returned scope is closed: lines the group's
     * {@code sys.stdout}/{@code sys.stderr} complete meanwhile carry this request's tag, as in mod_wsgi.
     */
    public Scope bind() {
        RequestLog previous = CURRENT.get();
        CURRENT.set(this);
        return () -> {
            // set, not remove: remove() clears a weak reference natively, a measurable cost on every request;
            // the thread keeps one entry whose value is null.
            CURRENT.set(previous);
        };
    }

    /**
     * The sink of a group's {@code sys.stdout}/{@code sys.stderr}: a line goes out with the tag of the request bound
     * to the writing thread, or with only the group's name outside requests.
     */
    public static LineSink groupOutput(String group) {
        String prefix = "[group '" + group + "']";
        return line -> {
            RequestLog request = CURRENT.get();
            if (request != null) {
                request.line(line);
            } else {
                APP.error("{} {}", prefix, line);
                observe(prefix + " " + line);
            }
        };
    }

    /**
     * A warning about what the group's code did, e.g. a signal handler it tried to register: marked with the request
     * the current thread serves, or with only the group's name outside requests.
     */
    public static void groupWarning(String group, String message) {
        RequestLog request = CURRENT.get();
        if (request != null) {
            request.warn(message);
        } else {
            String line = "[group '" + group + "'] " + message;
            LOG.warn("{}", line);
            observe(line);
        }
    }

    @Override
    public void line(String line) {
        APP.error("{} {}", prefix(), line);
        observe(prefix() + " " + line);
    }

    /** mod_wsgi's headline, e.g. {@code Exception occurred processing WSGI script '...'.}, then the traceback. */
    public void failure(String headline, Throwable failure) {
        if (failure instanceof ResponseRefusedException) {
            String line = prefix() + " " + headline + " The response was refused: " + failure.getMessage();
            LOG.error("{}", line);
            observe(line);
            return;
        }
        observe(prefix() + " " + headline);
        if (failure instanceof PyException) {
            LOG.error("{} {}", prefix(), headline);
            for (String line : Tracebacks.lines((PyException) failure)) {
                LOG.error("{} {}", prefix(), line);
                observe(prefix() + " " + line);
            }
        } else {
            LOG.error("{} {}", prefix(), headline, failure);
        }
    }

    /** A warning of the gateway about this request, e.g. a response shorter than its Content-Length. */
    public void warn(String message) {
        LOG.warn("{} {}", prefix(), message);
        observe(prefix() + " " + message);
    }

    /** A one-line notice, e.g. a client that went away while the response was sent. */
    public void info(String message, Object detail) {
        // One line: handed a Throwable as its last argument, slf4j would print a stack trace instead.
        String line = prefix() + " " + message + ": "
                + (detail instanceof Throwable t && t.getMessage() != null ? t.getMessage() : detail);
        LOG.info("{}", line);
        observe(line);
    }

    /** Passes every line logged from now on to {@code lines} as well, until the scope is closed. For tests. */
    public static Scope observe(Consumer<String> lines) {
        observer = lines;
        return () -> observer = null;
    }

    private static void observe(String line) {
        Consumer<String> o = observer;
        if (o != null) {
            o.accept(line);
        }
    }

    /** A binding that ends on {@link #close()}, for try-with-resources. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
