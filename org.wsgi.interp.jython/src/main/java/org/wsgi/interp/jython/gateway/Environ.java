package org.wsgi.interp.jython.gateway;

import java.nio.charset.StandardCharsets;
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
 * tuples and the integer thread id and request counters. One instance per provider; thread-safe (the key cache and
 * the counters are concurrent or thread-confined, everything else immutable).
 */
public final class Environ {

    /** Variable names seen repeatedly are kept as ready {@code PyString}s, up to this many. */
    private static final int KEY_CACHE_LIMIT = 1024;
    private static final int ENVIRON_CAPACITY = 128;

    private final Map<String, PyString> keys = new ConcurrentHashMap<>();
    private final PyObject version = new PyTuple(Py.newInteger(1), Py.newInteger(0));
    private final PyObject fileWrapper = FileWrapper.factory();
    /** mod_wsgi 4.9.4's {@code mod_wsgi.version}, and the Apache headers it was built against (anchors.md 1.3.1). */
    private final PyObject modWsgiVersion = new PyTuple(Py.newInteger(4), Py.newInteger(9), Py.newInteger(4));
    private final PyObject apacheVersion = new PyTuple(Py.newInteger(2), Py.newInteger(4), Py.newInteger(55));
    private final AtomicLong totalRequests = new AtomicLong();
    private final ThreadLocal<long[]> threadRequests = ThreadLocal.withInitial(() -> new long[1]);

    /** Builds the dict; {@code errors} becomes {@code wsgi.errors}. */
    public PyDictionary build(WsgiExchange exchange, ScriptTarget target, PyObject errors) {
        Map<String, String> cgi = exchange.environ();
        // Sized for the ~70 entries mod_wsgi's environ has, so the table never grows while it is filled.
        PyDictionary env = new PyDictionary(new ConcurrentHashMap<>(ENVIRON_CAPACITY, 0.75f, 1), true);
        for (Map.Entry<String, String> e : cgi.entrySet()) {
            env.__setitem__(key(e.getKey()), nativeString(e.getValue()));
        }
        env.__setitem__(key("wsgi.version"), version);
        env.__setitem__(key("wsgi.url_scheme"), key(urlScheme(cgi)));
        env.__setitem__(key("wsgi.input"), new WsgiInput(exchange.input()));
        env.__setitem__(key("wsgi.errors"), errors);
        env.__setitem__(key("wsgi.multithread"), Py.True);
        env.__setitem__(key("wsgi.multiprocess"), Py.False);
        env.__setitem__(key("wsgi.run_once"), Py.False);
        env.__setitem__(key("wsgi.input_terminated"), Py.True);
        env.__setitem__(key("wsgi.file_wrapper"), fileWrapper);
        env.__setitem__(key("mod_wsgi.application_group"), nativeString(target.applicationGroup()));
        env.__setitem__(key("mod_wsgi.callable_object"), nativeString(target.callableObject()));
        env.__setitem__(key("mod_wsgi.script_reloading"), key(target.reloading() ? "1" : "0"));
        env.__setitem__(key("mod_wsgi.version"), modWsgiVersion);
        env.__setitem__(key("apache.version"), apacheVersion);
        env.__setitem__(key("mod_wsgi.thread_id"), Py.newInteger(threadId(cgi.get("mod_wsgi.thread_id"))));
        env.__setitem__(key("mod_wsgi.thread_requests"), Py.newInteger(++threadRequests.get()[0]));
        env.__setitem__(key("mod_wsgi.total_requests"), Py.newInteger(totalRequests.incrementAndGet()));
        return env;
    }

    /** The exchange's thread id as mod_wsgi's integer, else the current thread's. */
    private static long threadId(String given) {
        if (given != null) {
            try {
                return Long.parseLong(given);
            } catch (NumberFormatException e) {
                // not a number: use the thread that runs the request
            }
        }
        return Thread.currentThread().getId();
    }

    /** {@code wsgi.url_scheme}: as given, else {@code REQUEST_SCHEME}, else from {@code HTTPS}. */
    static String urlScheme(Map<String, String> cgi) {
        String scheme = cgi.get("wsgi.url_scheme");
        if (scheme == null) {
            scheme = cgi.get("REQUEST_SCHEME");
        }
        if (scheme == null) {
            String https = cgi.get("HTTPS");
            scheme = https != null && ("on".equalsIgnoreCase(https) || "1".equals(https)) ? "https" : "http";
        }
        return scheme;
    }

    private PyString key(String name) {
        PyString k = keys.get(name);
        if (k == null) {
            k = nativeString(name);
            if (keys.size() < KEY_CACHE_LIMIT) {
                keys.putIfAbsent(name, k);
            }
        }
        return k;
    }

    /**
     * A native {@code str}: the exchange already gives latin-1 decoded values (PEP 3333); anything beyond latin-1 is
     * carried as its UTF-8 bytes rather than failing the request.
     */
    static PyString nativeString(String value) {
        try {
            return new PyString(value); // checks the chars itself: no second scan here
        } catch (IllegalArgumentException beyondLatin1) {
            return new PyString(new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        }
    }
}
