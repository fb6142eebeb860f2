package org.wsgi.interp.jython.interp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.python.core.Py;
import org.python.core.PyBoolean;
import org.python.core.PyException;
import org.python.core.PyList;
import org.python.core.PyObject;
import org.python.core.PyString;
import org.python.core.PyTuple;
import org.wsgi.api.exec.ScriptTarget;
import org.wsgi.api.exec.WsgiException;
import org.wsgi.interp.jython.gateway.Environ;
import org.wsgi.interp.jython.gateway.LogStream;
import org.wsgi.interp.jython.gateway.RequestLog;

/**
 * One call of a hook script's function ({@code allow_access}, {@code check_password}, {@code groups_for_user}) as
 * mod_wsgi makes it: {@code function(environ, *args)} with native-string arguments, and what it returns passed back
 * as plain Java values. The caller has entered the group and made its state current.
 */
final class HookCall {

    private HookCall() {
    }

    static Object call(PyObject function, ScriptTarget hook, Environ environ, Map<String, String> variables,
            List<String> args, RequestLog log) throws WsgiException {
        LogStream errors = new LogStream("wsgi.errors", log);
        PyObject[] call = new PyObject[args.size() + 1];
        call[0] = environ.forHook(variables, errors);
        for (int i = 0; i < args.size(); i++) {
            call[i + 1] = Py.newString(args.get(i));
        }
        PyObject result;
        try {
            result = function.__call__(call);
        } catch (PyException e) {
            log.failure("Exception occurred processing WSGI script '" + hook.script() + "'.", e);
            throw new WsgiException(500, "Exception occurred processing WSGI script '" + hook.script() + "'.");
        } finally {
            errors.flush();
        }
        return value(result, hook);
    }

    /** {@code None}, a bool, a string, or a sequence of strings, as Java values; anything else is an error. */
    private static Object value(PyObject result, ScriptTarget hook) throws WsgiException {
        if (result == Py.None) {
            return null;
        }
        if (result instanceof PyBoolean) {
            return result.__nonzero__();
        }
        if (result instanceof PyString) { // str and unicode
            return result.toString();
        }
        if (result instanceof PyList || result instanceof PyTuple) {
            List<String> out = new ArrayList<>();
            for (PyObject item : result.asIterable()) {
                if (!(item instanceof PyString)) {
                    throw unsupported(result, hook);
                }
                out.add(item.toString());
            }
            return out;
        }
        throw unsupported(result, hook);
    }

    private static WsgiException unsupported(PyObject result, ScriptTarget hook) {
        return new WsgiException(500, "WSGI hook script '" + hook.script() + "' returned an unsupported value: "
                + result.__repr__());
    }
}
