package org.wsgi.api.exec;

/**
 * The exchange cannot send the response the application gave (a status HTTP/1.1 cannot carry, a request that is
 * answered otherwise): nothing was sent, and the request fails without the application being at fault. The
 * gateway logs the message in one line, without a stack trace, and answers as for any failed application.
 */
public class ResponseRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ResponseRefusedException(String message) {
        super(message);
    }
}
