package org.wsgi.interp.jython.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.python.core.Py;
import org.python.core.PyDictionary;
import org.python.core.PyObject;
import org.python.core.PyString;
import org.python.core.PyTuple;
import org.wsgi.api.exec.ScriptTarget;
import org.wsgi.api.exec.WsgiExchange;

/**
 * Builds the PEP 3333 {@code environ} dict of a request: the exchange's CGI and {@code mod_wsgi.*} variables as
 * native strings, then the {@code wsgi.*} objects of embedded mode in one multi-threaded JVM, and the
 * {@code mod_wsgi.*} values that are not strings in mod_wsgi 4.9.4 (conformance/gateway/environ): the version
 * tuples and the integer thread id and request counters. The exchange passes its variables straight into the
 * dict, without a map in between. One instance per provider; thread-safe (the key and value caches and the
 * counters are concurrent or thread-confined, everything else immutable).
 */
public final class Environ {

    /** Variable names seen repeatedly are kept as ready {@code PyString}s, up to this many. */
    private static final int KEY_CACHE_LIMIT = 1024;
    private static final int ENVIRON_CAPACITY = 128;

    private final Map<String, PyString> keys = new ConcurrentHashMap<>();
    private final NativeStrings values = new NativeStrings();
    private final PyObject version = new PyTuple(Py.newInteger(1), Py.newInteger(0));
    private final PyObject fileWrapper = FileWrapper.factory();
    /** mod_wsgi 4.9.4's {@code mod_wsgi.version}, and the Apache headers it was built against (anchors.md 1.3.1). */
    private final PyObject modWsgiVersion = new PyTuple(Py.newInteger(4), Py.newInteger(9), Py.newInteger(4));
    private final PyObject apacheVersion = new PyTuple(Py.newInteger(2), Py.newInteger(4), Py.newInteger(55));
    private final AtomicLong totalRequests = new AtomicLong();
    private final ThreadLocal<long[]> threadRequests = ThreadLocal.withInitial(() -> new long[1]);

    /** Builds the dict; {@code errors} becomes {@code wsgi.errors}. */
    public PyDictionary build(WsgiExchange exchange, ScriptTarget target, PyObject errors) {
        // Sized for the ~70 entries mod_wsgi's environ has, so the table never grows while it is filled.
        ConcurrentHashMap<PyObject, PyObject> env = new ConcurrentHashMap<>(ENVIRON_CAPACITY, 0.75f, 1);
        exchange.environ((name, value) -> env.put(key(name), values.get(value)));
        env.put(key("wsgi.version"), version);
        env.put(key("wsgi.url_scheme"), key(urlScheme(env)));
        env.put(key("wsgi.input"), new WsgiInput(exchange.input()));
        env.put(key("wsgi.errors"), errors);
        env.put(key("wsgi.multithread"), Py.True);
        env.put(key("wsgi.multiprocess"), Py.False);
        env.put(key("wsgi.run_once"), Py.False);
        env.put(key("wsgi.input_terminated"), Py.True);
        env.put(key("wsgi.file_wrapper"), fileWrapper);
        env.put(key("mod_wsgi.application_group"), values.get(target.applicationGroup()));
        env.put(key("mod_wsgi.callable_object"), values.get(target.callableObject()));
        env.put(key("mod_wsgi.script_reloading"), key(target.reloading() ? "1" : "0"));
        env.put(key("mod_wsgi.version"), modWsgiVersion);
        env.put(key("apache.version"), apacheVersion);
        env.put(key("mod_wsgi.thread_id"), Py.newInteger(threadId(env.get(key("mod_wsgi.thread_id")))));
        env.put(key("mod_wsgi.thread_requests"), Py.newInteger(++threadRequests.get()[0]));
        env.put(key("mod_wsgi.total_requests"), Py.newInteger(totalRequests.incrementAndGet()));
        return new PyDictionary(env, true);
    }

    /** The exchange's thread id as mod_wsgi's integer, else the current thread's. */
    private static long threadId(PyObject given) {
        if (given instanceof PyString) {
            try {
                return Long.parseLong(((PyString) given).getString());
            } catch (NumberFormatException e) {
                // not a number: use the thread that runs the request
            }
        }
        return Thread.currentThread().getId();
    }

    /** {@code wsgi.url_scheme}: as given, else {@code REQUEST_SCHEME}, else from {@code HTTPS}. */
    private String urlScheme(Map<PyObject, PyObject> env) {
        PyObject scheme = env.get(key("wsgi.url_scheme"));
        if (scheme == null) {
            scheme = env.get(key("REQUEST_SCHEME"));
        }
        if (scheme == null) {
            PyObject https = env.get(key("HTTPS"));
            String on = https == null ? null : https.toString();
            return "on".equalsIgnoreCase(on) || "1".equals(on) ? "https" : "http";
        }
        return scheme.toString();
    }

    private PyString key(String name) {
        PyString k = keys.get(name);
        if (k == null) {
            k = NativeStrings.nativeString(name);
            if (keys.size() < KEY_CACHE_LIMIT) {
                keys.putIfAbsent(name, k);
            }
        }
        return k;
    }
}
