package org.wsgi.interp.jython.gateway;

import java.util.List;

import org.python.core.PyException;

/** Python exceptions as text for the log: the traceback lines, or one summary line for status DTOs. */
public final class Tracebacks {

    private Tracebacks() {
    }

    /** {@code Traceback (most recent call last):}, the frames and {@code Type: message}, one string per line. */
    public static List<String> lines(PyException e) {
        String text;
        try {
            text = e.toString();
        } catch (RuntimeException formatting) {
            text = e.getClass().getName() + ": " + e.getMessage();
        }
        return text.lines().toList();
    }

    /** The last line of the traceback, e.g. {@code ValueError: bad header}. */
    public static String summary(Throwable t) {
        if (t instanceof PyException) {
            List<String> lines = lines((PyException) t);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return lines.get(i).strip();
                }
            }
        }
        return t.getMessage() == null ? t.getClass().getName() : t.getMessage();
    }
}
