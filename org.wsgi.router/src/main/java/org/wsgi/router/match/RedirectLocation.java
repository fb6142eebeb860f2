package org.wsgi.router.match;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The {@code Location} of a {@code RewriteRule} redirect, as mod_rewrite makes it: the substitution's path and query
 * escaped (unless {@code NE}), the request's own query appended unless the substitution has one ({@code QSA}: both;
 * {@code QSD}: neither), and a local path made absolute with the request's scheme, host and port. Pure.
 */
final class RedirectLocation {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RedirectLocation() {
    }

    /**
     * @param target the expanded substitution without its query
     * @param newQuery the substitution's query ({@code ""} for a trailing {@code ?}), or {@code null}
     * @param requestQuery the query the request arrived with, or {@code null}
     * @param perDirectory a relative target of a directory context is left for the caller to place
     */
    static String of(String target, String newQuery, String requestQuery, Map<String, String> flags,
            boolean perDirectory, UnaryOperator<String> vars) {
        boolean raw = flags.containsKey("ne");
        String query;
        if (newQuery != null) {
            boolean append = flags.containsKey("qsa") && requestQuery != null && !requestQuery.isEmpty();
            query = !append ? newQuery : newQuery.isEmpty() ? requestQuery : newQuery + "&" + requestQuery;
        } else {
            query = flags.containsKey("qsd") ? null : requestQuery;
        }
        // mod_rewrite escapes the query it made, but not the request's own passed on unchanged.
        if (query != null && !raw && !query.equals(requestQuery)) {
            query = escape(query);
        }
        String path = raw ? target : escapePath(target);
        String location = query == null || query.isEmpty() ? path : path + "?" + query;
        if (isAbsolute(location)) {
            return location;
        }
        if (!location.startsWith("/")) {
            if (perDirectory) {
                return location;
            }
            location = "/" + location;
        }
        return qualify(location, vars);
    }

    /** {@code scheme://host[:port]} + {@code path}, the port left out when it is the scheme's own. */
    static String qualify(String path, UnaryOperator<String> vars) {
        String scheme = vars.apply("REQUEST_SCHEME");
        scheme = scheme == null ? "http" : scheme;
        String port = vars.apply("SERVER_PORT");
        boolean usual = port == null || ("http".equals(scheme) && "80".equals(port))
                || ("https".equals(scheme) && "443".equals(port));
        String host = vars.apply("SERVER_NAME");
        if (host != null && host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return scheme + "://" + host + (usual ? "" : ":" + port) + path;
    }

    /** A URL with a scheme ({@code http://}, {@code ftp://}, ...), as mod_rewrite's {@code is_absolute_uri}. */
    static boolean isAbsolute(String s) {
        return s.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*");
    }

    /** {@link #escape} of a target's path only: the scheme and host of an absolute URL stay as written. */
    private static String escapePath(String target) {
        if (!isAbsolute(target)) {
            return escape(target);
        }
        int authority = target.indexOf("://") + 3;
        int slash = target.indexOf('/', authority);
        return slash < 0 ? target : target.substring(0, slash) + escape(target.substring(slash));
    }

    /**
     * Apache's {@code ap_escape_uri}: every byte but letters, digits and {@code $-_.+!*'(),:;@&=/~} as {@code %xx}
     * (lower-case). The router's strings hold one byte per char.
     */
    static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "$-_.+!*'(),:;@&=/~".indexOf(c) >= 0;
            if (safe) {
                if (b != null) {
                    b.append(c);
                }
                continue;
            }
            if (b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            b.append('%').append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
        }
        return b == null ? s : b.toString();
    }
}
