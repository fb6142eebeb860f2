package org.wsgi.router.match;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.wsgi.api.Route;
import org.wsgi.api.config.DirectorySettings;

/**
 * mod_alias's redirects of one context ({@code Redirect}, {@code RedirectMatch} and their fixed-status forms), as
 * the parser keeps them, compiled once. The first that matches the request's URI decides, as in mod_alias: a
 * redirect status answers with a {@code Location} (the target plus the escaped rest of the path, or the regular
 * expression's substitution; a local target made a full URL; the request's query appended unless the target has
 * one), any other status with its error page. Immutable and thread-safe.
 */
final class Redirects {

    /** The key the parser keeps them under (its {@code RedirectHandlers.KEY}). */
    static final String KEY = "Redirect";

    private record Entry(Pattern regex, String path, int status, String url) {
    }

    private final List<Entry> entries;

    private Redirects(List<Entry> entries) {
        this.entries = entries;
    }

    /** The redirects of {@code settings} followed by {@code inherited}'s, or {@code null} when there are none. */
    static Redirects of(DirectorySettings settings, DirectorySettings inherited) {
        List<Entry> entries = new ArrayList<>();
        add(entries, settings);
        if (inherited != null) {
            add(entries, inherited);
        }
        return entries.isEmpty() ? null : new Redirects(List.copyOf(entries));
    }

    private static void add(List<Entry> entries, DirectorySettings s) {
        for (List<String> d : s.directives().getOrDefault(KEY, List.of())) {
            boolean match = d.get(0).equals("match");
            entries.add(new Entry(match ? Pcre.compile(d.get(2)) : null, d.get(2), Integer.parseInt(d.get(1)),
                    d.get(3)));
        }
    }

    /**
     * @param uri the decoded request path (one byte per char)
     * @param query the request's query, or {@code null}
     * @param vars the request's server variables (scheme, name, port), to make a local target a full URL
     * @return the answer, or {@code null} when no redirect matches
     */
    Route apply(String uri, String query, UnaryOperator<String> vars, long generation) {
        for (Entry e : entries) {
            String target = target(e, uri);
            if (target == null) {
                continue;
            }
            if (!StatusLines.known(e.status)) {
                return Route.error(500, "Redirect " + e.path + ": Apache has no status line for " + e.status,
                        generation);
            }
            if (e.status < 300 || e.status > 399) {
                return Route.error(e.status, "Redirect " + e.path + " answers " + e.status, generation);
            }
            if (target.startsWith("/")) {
                target = RedirectLocation.qualify(target, vars);
            } else if (!target.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
                // RedirectMatch to a relative target (AH00673): not a URL to send a client to.
                return Route.error(500, "cannot redirect '" + uri + "' to '" + target
                        + "'; target is not a valid absoluteURI or abs_path", generation);
            }
            if (query != null && target.indexOf('?') < 0) {
                target = target + "?" + query;
            }
            return new Route(Route.Outcome.REDIRECT, e.status, target, null, "", "", "", "", "", java.util.Map.of(),
                    false, false, 0, generation);
        }
        return null;
    }

    /** Where {@code e} sends {@code uri}, or {@code null} when it does not match. */
    private static String target(Entry e, String uri) {
        if (e.regex != null) {
            Matcher m = e.regex.matcher(uri);
            if (!m.find()) {
                return null;
            }
            if (e.url.isEmpty()) {
                return "";
            }
            String found = CompiledMount.substitute(e.url, m);
            // The path is escaped; the query and fragment the substitution made are kept as they are.
            int q = indexOfAny(found, '?', '#');
            return q < 0 ? RedirectLocation.escape(found)
                    : RedirectLocation.escape(found.substring(0, q)) + found.substring(q);
        }
        if (e.path.isEmpty()) {
            return e.url; // the one-argument form of a section: everything under it
        }
        int matched = AliasMatch.length(uri, e.path);
        if (matched == 0) {
            return null;
        }
        return e.url + RedirectLocation.escape(uri.substring(matched));
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }
}
