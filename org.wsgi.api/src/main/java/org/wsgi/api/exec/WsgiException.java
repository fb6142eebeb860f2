package org.wsgi.api.exec;

/**
 * A request could not be run and nothing has been sent to the client yet: the caller answers with
 * {@link #status()}. The message is what gets logged, in mod_wsgi's words where it has them.
 */
public class WsgiException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    public WsgiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public WsgiException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status to answer with: 404 no such script or callable, 500 the script failed, 503 unavailable. */
    public int status() {
        return status;
    }
}
