package org.wsgi.interp.jython.gateway;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.python.core.ArgParser;
import org.python.core.Py;
import org.python.core.PyException;
import org.python.core.PyObject;
import org.python.core.PyTraceback;

/**
 * The {@code start_response(status, response_headers, exc_info=None)} callable of one request, with PEP 3333's
 * rules: a second call needs {@code exc_info}, and {@code exc_info} is re-raised once headers were sent. Returns
 * the {@code write(data)} callable.
 */
final class StartResponse extends PyObject {

    private static final String[] PARAMS = {"status", "response_headers", "exc_info"};

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
        ArgParser ap = new ArgParser("start_response", args, keywords, PARAMS, 2);
        return start(ap.getPyObject(0), ap.getPyObject(1), ap.getPyObject(2, Py.None));
    }

    private PyObject start(PyObject status, PyObject headers, PyObject excInfo) {
        if (excInfo != Py.None) {
            if (response.headersSent()) {
                throw reraise(excInfo);
            }
        } else if (response.started()) {
            throw Py.RuntimeError("start_response() was already called; pass exc_info to call it again");
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
