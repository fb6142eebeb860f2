package org.wsgi.interp.jython.gateway;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.python.core.Py;
import org.python.core.PyException;
import org.python.core.PyObject;
import org.python.core.PyTraceback;
import org.python.core.PyTuple;

/**
 * The {@code start_response(status, response_headers, exc_info=None)} callable of one request, as mod_wsgi 4.9.4 has
 * it (conformance/gateway/start_response): positional arguments only; {@code exc_info} must be a tuple and is
 * re-raised once headers were sent; until then any call, with or without {@code exc_info}, replaces the status and
 * headers (mod_wsgi is more tolerant than PEP 3333 here), after that a call without it is a {@code RuntimeError}.
 * Returns the {@code write(data)} callable.
 */
final class StartResponse extends PyObject {

    private final Response response;
    private PyObject write;

    StartResponse(Response response) {
        this.response = response;
    }

    @Override
    public PyObject __call__(PyObject status, PyObject headers) {
        return start(status, headers, Py.None);
    }

    @Override
    public PyObject __call__(PyObject status, PyObject headers, PyObject excInfo) {
        return start(status, headers, excInfo);
    }

    @Override
    public PyObject __call__(PyObject[] args, String[] keywords) {
        if (keywords.length > 0) {
            throw Py.TypeError("start_response() takes no keyword arguments");
        }
        if (args.length == 2) {
            return start(args[0], args[1], Py.None);
        }
        if (args.length == 3) {
            return start(args[0], args[1], args[2]);
        }
        throw Py.TypeError("start_response() takes 2 or 3 arguments (" + args.length + " given)");
    }

    private PyObject start(PyObject status, PyObject headers, PyObject excInfo) {
        if (excInfo != Py.None) {
            if (!(excInfo instanceof PyTuple)) {
                throw Py.RuntimeError("exception info must be a tuple");
            }
            if (response.headersSent()) {
                throw reraise(excInfo);
            }
        } else if (response.headersSent()) {
            throw Py.RuntimeError("headers have already been sent");
        }
        String s = HeaderRules.status(status);
        List<Map.Entry<String, String>> h = HeaderRules.headers(headers);
        response.start(s, h, HeaderRules.contentLength(h));
        if (write == null) {
            write = new JavaMethod("write", 1, 1) {
                @Override
                public PyObject __call__(PyObject data) {
                    try {
                        response.write(HeaderRules.body(data));
                        response.flush();
                    } catch (IOException e) {
                        throw Py.IOError(e);
                    }
                    return Py.None;
                }
            };
        }
        return write;
    }

    private static PyException reraise(PyObject excInfo) {
        if (excInfo.__len__() != 3) {
            return Py.TypeError("exc_info must be a (type, value, traceback) tuple");
        }
        PyObject tb = excInfo.__getitem__(2);
        return new PyException(excInfo.__getitem__(0), excInfo.__getitem__(1),
                tb instanceof PyTraceback ? (PyTraceback) tb : null);
    }

    @Override
    public String toString() {
        return "<start_response>";
    }
}
