package org.wsgi.api.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One request on its way to a WSGI application, independent of the HTTP server: the CGI variables, the body,
 * and the response channel. An exchange is used by one thread at a time.
 */
@ProviderType
public interface WsgiExchange {

    /**
     * The request's CGI and {@code mod_wsgi.*} variables as mod_wsgi sets them (string values only); the gateway
     * adds the {@code wsgi.*} objects. Unmodifiable.
     */
    Map<String, String> environ();

    /**
     * Passes the variables of {@link #environ()} to {@code sink} one by one; where a name comes more than once the
     * last value counts. Lets a gateway fill its own dict without the map in between; exchanges that build their
     * variables per request should override it.
     *
     * @since 1.2
     */
    default void environ(BiConsumer<String, String> sink) {
        environ().forEach(sink);
    }

    /**
     * The request body, already bounded: it ends after {@code CONTENT_LENGTH} bytes, or at the end of a chunked
     * body. Reading it after the response has completed returns end of stream.
     */
    InputStream input();

    /**
     * Sends the status line and headers. Called at most once, before the first body byte.
     *
     * @param status the WSGI status string, e.g. {@code 200 OK}
     * @param headers name/value pairs in order, already validated by the gateway
     * @param contentLength the value of a {@code Content-Length} header among them, or -1
     * @throws ResponseRefusedException if this response cannot be sent; nothing was
     */
    void sendHeaders(String status, List<Map.Entry<String, String>> headers, long contentLength) throws IOException;

    /** Whether {@link #sendHeaders} was called. */
    boolean headersSent();

    /** The response body stream; writes are sent to the client without buffering the whole body. */
    OutputStream body() throws IOException;

    /** A short tag for log lines of this request, e.g. {@code [client 127.0.0.1:51234]}. */
    String logTag();
}
