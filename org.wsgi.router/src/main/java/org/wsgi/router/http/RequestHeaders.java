package org.wsgi.router.http;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A request's headers as the router reads them (lower-case names, repeated headers joined with {@code ", "}),
 * answered straight from the servlet request: most requests never look at a header during routing, so nothing
 * is copied unless the whole map is iterated. Used by the request's thread only.
 */
final class RequestHeaders extends AbstractMap<String, String> {

    private final HttpServletRequest request;
    private Map<String, String> all;

    RequestHeaders(HttpServletRequest request) {
        this.request = request;
    }

    @Override
    public String get(Object name) {
        if (!(name instanceof String n)) {
            return null;
        }
        var values = request.getHeaders(n);
        return values == null || !values.hasMoreElements() ? null : joined(values);
    }

    /** The values of a repeated header joined with {@code ", "}, as Apache joins them; {@code values} is not empty. */
    static String joined(java.util.Enumeration<String> values) {
        String first = values.nextElement();
        if (!values.hasMoreElements()) {
            return first;
        }
        StringBuilder b = new StringBuilder(first);
        while (values.hasMoreElements()) {
            b.append(", ").append(values.nextElement());
        }
        return b.toString();
    }

    @Override
    public boolean containsKey(Object name) {
        return get(name) != null;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        if (all == null) {
            Map<String, String> m = new LinkedHashMap<>();
            for (String n : Collections.list(request.getHeaderNames())) {
                m.putIfAbsent(n.toLowerCase(Locale.ROOT), get(n));
            }
            all = m;
        }
        return all.entrySet();
    }
}
