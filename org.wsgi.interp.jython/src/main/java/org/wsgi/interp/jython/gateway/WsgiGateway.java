package org.wsgi.interp.jython.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;

import org.python.core.PyDictionary;
import org.python.core.PyException;
import org.python.core.PyList;
import org.python.core.PyObject;
import org.python.core.PyString;
import org.python.core.PyTuple;
import org.wsgi.api.exec.ScriptTarget;
import org.wsgi.api.exec.WsgiException;
import org.wsgi.api.exec.WsgiExchange;

/**
 * Calls a WSGI application for one request (PEP 3333) and streams its response through the exchange. The caller
 * has set the thread's Jython system state. Thread-safe: all per-request state lives on the stack, and the copy
 * buffer for body bytes is the calling thread's own.
 */
public final class WsgiGateway {

    private static final PyString REQUEST_METHOD = new PyString("REQUEST_METHOD");

    private final Environ environ = new Environ();
    /** Each request thread's copy buffer for body bytes (see {@link Response#write(String)}). */
    private final ThreadLocal<byte[]> scratch = ThreadLocal.withInitial(() -> new byte[Response.BUFFER]);

    /**
     * Runs the request. The iterable's {@code close()} is always called. Failures before anything was sent become
     * a 500 {@link WsgiException}; after the headers went out the exception propagates so the server aborts the
     * response. A failing {@code close()} after a complete response is only logged, as mod_wsgi does; a response
     * (but a HEAD's) shorter than its {@code Content-Length} is logged too (the server then ends it truncated).
     */
    public void run(PyObject application, ScriptTarget target, WsgiExchange exchange, RequestLog log)
            throws WsgiException {
        LogStream errors = new LogStream("wsgi.errors", log);
        Throwable failure = null;
        try {
            PyDictionary env = environ.build(exchange, target, errors);
            boolean head = isHead(env);
            Response response = new Response(exchange, scratch, head);
            PyObject result = application.__call__(env, new StartResponse(response));
            failure = streamAndClose(result, response, target, log, head);
        } catch (PyException e) {
            failure = e;
        } finally {
            errors.flush();
        }
        if (failure != null) {
            fail(failure, target, exchange, log);
        }
    }

    /**
     * A HEAD request: frameworks answer it with the GET's {@code Content-Length} and no body (Django, WebOb,
     * Bottle), which is no truncation; mod_wsgi logs nothing either way.
     */
    private static boolean isHead(PyDictionary env) {
        PyObject method = env.__finditem__(REQUEST_METHOD);
        return method != null && "HEAD".equals(method.toString());
    }

    private static Throwable streamAndClose(PyObject result, Response response, ScriptTarget target,
            RequestLog log, boolean head) {
        Throwable failure = null;
        try {
            stream(result, response);
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
        try {
            PyObject close = result.__findattr__("close");
            if (close != null) {
                close.__call__();
            }
        } catch (PyException e) {
            if (failure == null) {
                log.failure(headline(target), e);
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure == null && !head && response.shortOfContentLength()) {
            log.warn("Truncated response from WSGI script '" + target.script() + "': Content-Length is "
                    + response.contentLength() + " but only " + response.written() + " bytes were sent.");
        }
        return failure;
    }

    private static String headline(ScriptTarget target) {
        return "Exception occurred processing WSGI script '" + target.script() + "'.";
    }

    private static void stream(PyObject result, Response response) throws IOException {
        if (result instanceof FileWrapper && response.started()) {
            FileWrapper wrapper = (FileWrapper) result;
            FileChannel file = wrapper.fileChannel();
            if (file != null) {
                long position = wrapper.position();
                response.knownLength(Math.max(0, file.size() - position));
                response.sendFile(file, position);
                response.finish();
                return;
            }
        }
        // The items of a list or tuple exist already: they may leave together (fewer, larger writes; nothing waits
        // on the application). Anything else is flushed block by block, as mod_wsgi does.
        boolean produced = result.getType() == PyList.TYPE || result.getType() == PyTuple.TYPE;
        PyObject iterator = result.__iter__();
        for (PyObject chunk; (chunk = iterator.__iternext__()) != null;) {
            response.write(HeaderRules.body(chunk));
            if (!produced) {
                response.flush();
            }
        }
        response.finish();
    }

    private static void fail(Throwable failure, ScriptTarget target, WsgiExchange exchange, RequestLog log)
            throws WsgiException {
        if (failure instanceof IOException) {
            log.info("Failed to write response data for WSGI script '" + target.script() + "'", failure);
            throw new UncheckedIOException((IOException) failure);
        }
        String headline = headline(target);
        log.failure(headline, failure);
        if (!exchange.headersSent()) {
            throw new WsgiException(500, headline, failure);
        }
        throw (RuntimeException) failure;
    }
}
