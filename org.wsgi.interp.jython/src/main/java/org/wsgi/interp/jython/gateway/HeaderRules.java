package org.wsgi.interp.jython.gateway;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.python.core.Py;
import org.python.core.PyException;
import org.python.core.PyList;
import org.python.core.PyObject;
import org.python.core.PyString;
import org.python.core.PyTuple;
import org.python.core.PyUnicode;

/**
 * What {@code start_response} accepts, with mod_wsgi 4.9.4's rules (conformance/gateway/headers); a violation raises
 * a Python exception in the application, naming the offending value. Like mod_wsgi, hop-by-hop headers and a
 * {@code Status} header pass through; only {@code Transfer-Encoding} is refused, because Apache answers it with a
 * corrupt response (the body is sent unchunked after the application's {@code Transfer-Encoding: chunked}).
 */
final class HeaderRules {


    private HeaderRules() {
    }

    /** A status such as {@code 200 OK}: three digits (any, {@code 099} too), a space, a possibly empty reason. */
    static String status(PyObject status) {
        String s = nativeString(status, "status");
        if (s.length() < 3 || !isDigit(s.charAt(0)) || !isDigit(s.charAt(1)) || !isDigit(s.charAt(2))
                || (s.length() > 3 && isDigit(s.charAt(3)))) {
            throw Py.ValueError("status code is not a 3 digit integer, got " + status.__repr__());
        }
        if (s.length() == 3 || s.charAt(3) != ' ') {
            throw Py.ValueError("no space following status code, got " + status.__repr__());
        }
        if (hasControl(s)) {
            throw controlError("status");
        }
        return s;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The headers as a list of {@code (name, value)} string tuples, checked one by one. */
    static List<Map.Entry<String, String>> headers(PyObject headers) {
        if (!(headers instanceof PyList)) {
            throw Py.TypeError("response headers must be a list, not " + headers.getType().fastGetName());
        }
        List<Map.Entry<String, String>> out = new ArrayList<>(((PyList) headers).size());
        for (PyObject item : headers.asIterable()) {
            if (!(item instanceof PyTuple) || item.__len__() != 2) {
                throw Py.TypeError("response header must be a (name, value) tuple, got " + item.__repr__());
            }
            String name = nativeString(item.__getitem__(0), "header name");
            String value = nativeString(item.__getitem__(1), "header value");
            checkName(name);
            if (hasControl(value)) {
                throw controlError("value of header '" + name + "'");
            }
            if ("transfer-encoding".equalsIgnoreCase(name)) {
                throw Py.ValueError("hop-by-hop header '" + name + "' is not allowed in a WSGI response");
            }
            out.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
        }
        return out;
    }

    /** The {@code Content-Length} among the headers (plain decimal digits, as mod_wsgi wants them), or -1. */
    static long contentLength(List<Map.Entry<String, String>> headers) {
        for (Map.Entry<String, String> h : headers) {
            if ("content-length".equalsIgnoreCase(h.getKey())) {
                String v = h.getValue();
                boolean digits = !v.isEmpty() && v.length() <= 18;
                for (int i = 0; digits && i < v.length(); i++) {
                    digits = isDigit(v.charAt(i));
                }
                if (!digits) {
                    throw Py.ValueError("invalid content length '" + v + "'");
                }
                return Long.parseLong(v);
            }
        }
        return -1;
    }

    /**
     * One body chunk: a byte string, never text (mod_wsgi refuses unicode too). Returned as the Java string that
     * holds its bytes, one char (0-255) per byte, so the response can copy it out without an intermediate array.
     */
    static String body(PyObject chunk) {
        if (chunk instanceof PyString && !(chunk instanceof PyUnicode)) {
            return ((PyString) chunk).getString();
        }
        throw Py.TypeError("sequence of byte string values expected, value of type "
                + chunk.getType().fastGetName() + " found");
    }

    private static String nativeString(PyObject value, String what) {
        if (!(value instanceof PyString)) {
            throw Py.TypeError(what + " must be a str, not " + value.getType().fastGetName());
        }
        String s = ((PyString) value).getString();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                throw Py.ValueError(what + " " + value.__repr__() + " is not latin-1 encodable");
            }
        }
        return s;
    }

    private static void checkName(String name) {
        if (name.isEmpty()) {
            throw Py.ValueError("empty header name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 0x7F || c == ':' || "()<>@,;\\\"/[]?={}".indexOf(c) >= 0) {
                throw Py.ValueError("invalid header name '" + name + "'");
            }
        }
    }

    /** Whether {@code s} holds a CR, LF or NUL; the caller names the value only when it does. */
    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                return true;
            }
        }
        return false;
    }

    private static PyException controlError(String what) {
        return Py.ValueError(what + " must not contain CR, LF or NUL characters");
    }
}
