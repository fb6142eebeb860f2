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

    /** Variable names seen repeatedly are kept, with their last value, as ready {@code PyString}s, up to this many. */
    private static final int KEY_CACHE_LIMIT = 1024;
    /**
     * Entries the environ dict takes before its table grows: a 128-slot table (a ConcurrentHashMap grows at three
     * quarters full). mod_wsgi's environ has ~45 entries plus one per request header, ~70 for a browser's request.
     */
    private static final int ENVIRON_ENTRIES = 96;

    private final Map<String, Variable> variables = new ConcurrentHashMap<>();
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
        // A load factor of 1 here only sizes the first table: ENVIRON_ENTRIES + 1 rounds up to 128 slots.
        ConcurrentHashMap<PyObject, PyObject> env = new ConcurrentHashMap<>(ENVIRON_ENTRIES, 1f, 1);
        exchange.environ((name, value) -> {
            Variable v = variable(name);
            env.put(v.key, v.value(value, values));
        });
        env.put(Keys.VERSION, version);
        env.put(Keys.URL_SCHEME, urlScheme(env));
        env.put(Keys.INPUT, new WsgiInput(exchange.input()));
        env.put(Keys.ERRORS, errors);
        env.put(Keys.MULTITHREAD, Py.True);
        env.put(Keys.MULTIPROCESS, Py.False);
        env.put(Keys.RUN_ONCE, Py.False);
        env.put(Keys.INPUT_TERMINATED, Py.True);
        env.put(Keys.FILE_WRAPPER, fileWrapper);
        env.put(Keys.APPLICATION_GROUP, values.get(target.applicationGroup()));
        env.put(Keys.CALLABLE_OBJECT, values.get(target.callableObject()));
        env.put(Keys.SCRIPT_RELOADING, target.reloading() ? Keys.ONE : Keys.ZERO);
        env.put(Keys.MOD_WSGI_VERSION, modWsgiVersion);
        env.put(Keys.APACHE_VERSION, apacheVersion);
        env.put(Keys.THREAD_ID, Py.newInteger(threadId(env.get(Keys.THREAD_ID))));
        env.put(Keys.THREAD_REQUESTS, Py.newInteger(++threadRequests.get()[0]));
        env.put(Keys.TOTAL_REQUESTS, Py.newInteger(totalRequests.incrementAndGet()));
        return new PyDictionary(env, true);
    }

    /**
     * The environ of a hook script's call (mod_wsgi's access and authentication hooks): the request's variables as
     * native strings, the version tuples, and {@code wsgi.errors}; no input, as mod_wsgi gives none there.
     */
    public PyDictionary forHook(Map<String, String> variables, PyObject errors) {
        ConcurrentHashMap<PyObject, PyObject> env = new ConcurrentHashMap<>(ENVIRON_ENTRIES, 1f, 1);
        variables.forEach((name, value) -> env.put(variable(name).key, values.get(value)));
        env.put(Keys.MOD_WSGI_VERSION, modWsgiVersion);
        env.put(Keys.APACHE_VERSION, apacheVersion);
        env.put(Keys.ERRORS, errors);
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
    private static PyObject urlScheme(Map<PyObject, PyObject> env) {
        PyObject scheme = env.get(Keys.URL_SCHEME);
        if (scheme == null) {
            scheme = env.get(Keys.REQUEST_SCHEME);
        }
        if (scheme == null) {
            PyObject https = env.get(Keys.HTTPS);
            String on = https == null ? null : https.toString();
            return "on".equalsIgnoreCase(on) || "1".equals(on) ? Keys.SCHEME_HTTPS : Keys.SCHEME_HTTP;
        }
        return scheme;
    }

    private Variable variable(String name) {
        Variable v = variables.get(name);
        if (v == null) {
            v = new Variable(NativeStrings.nativeString(name));
            if (variables.size() < KEY_CACHE_LIMIT) {
                variables.putIfAbsent(name, v);
            }
        }
        return v;
    }

    /**
     * A variable's name as a ready {@code PyString}, and the value it had last: most variables have the same value
     * on every request to a mount, so it is compared before the value cache is asked (which would hash the string,
     * and header values are new strings on each request). Racing requests may overwrite {@code last} with each
     * other's value; either is a correct cached string.
     */
    private static final class Variable {
        final PyString key;
        private volatile PyString last;

        Variable(PyString key) {
            this.key = key;
        }

        PyString value(String value, NativeStrings cache) {
            PyString l = last;
            if (l != null && l.getString().equals(value)) {
                return l;
            }
            l = cache.get(value);
            last = l;
            return l;
        }
    }

    /** The names the gateway sets itself, and a few fixed values, made once (immutable, state-independent). */
    private static final class Keys {
        static final PyString VERSION = new PyString("wsgi.version");
        static final PyString URL_SCHEME = new PyString("wsgi.url_scheme");
        static final PyString INPUT = new PyString("wsgi.input");
        static final PyString ERRORS = new PyString("wsgi.errors");
        static final PyString MULTITHREAD = new PyString("wsgi.multithread");
        static final PyString MULTIPROCESS = new PyString("wsgi.multiprocess");
        static final PyString RUN_ONCE = new PyString("wsgi.run_once");
        static final PyString INPUT_TERMINATED = new PyString("wsgi.input_terminated");
        static final PyString FILE_WRAPPER = new PyString("wsgi.file_wrapper");
        static final PyString APPLICATION_GROUP = new PyString("mod_wsgi.application_group");
        static final PyString CALLABLE_OBJECT = new PyString("mod_wsgi.callable_object");
        static final PyString SCRIPT_RELOADING = new PyString("mod_wsgi.script_reloading");
        static final PyString MOD_WSGI_VERSION = new PyString("mod_wsgi.version");
        static final PyString APACHE_VERSION = new PyString("apache.version");
        static final PyString THREAD_ID = new PyString("mod_wsgi.thread_id");
        static final PyString THREAD_REQUESTS = new PyString("mod_wsgi.thread_requests");
        static final PyString TOTAL_REQUESTS = new PyString("mod_wsgi.total_requests");
        static final PyString REQUEST_SCHEME = new PyString("REQUEST_SCHEME");
        static final PyString HTTPS = new PyString("HTTPS");
        static final PyString SCHEME_HTTP = new PyString("http");
        static final PyString SCHEME_HTTPS = new PyString("https");
        static final PyString ONE = new PyString("1");
        static final PyString ZERO = new PyString("0");

        private Keys() {
        }
    }
}
