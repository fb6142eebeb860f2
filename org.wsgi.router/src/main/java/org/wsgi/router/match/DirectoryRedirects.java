package org.wsgi.router.match;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.wsgi.api.Route;
import org.wsgi.api.config.DirectorySettings;

/**
 * The redirects of {@code <Directory>}, {@code <Location>} and {@code .htaccess} contexts (mod_alias's fixup), run
 * once the request is mapped and allowed. Each merged list is compiled once and kept (bounded). Thread-safe.
 */
final class DirectoryRedirects {

    private static final int CACHE_LIMIT = 256;

    private final Map<List<List<String>>, Redirects> compiled = new ConcurrentHashMap<>();

    /** The answer of the first redirect of {@code s} that matches, or {@code null}. */
    Route apply(Mapper.Request r, DirectorySettings s, long generation) {
        List<List<String>> entries = s.directives().get(Redirects.KEY);
        if (entries == null || entries == r.server().settings().directives().get(Redirects.KEY)) {
            return null; // none, or only the server's own, which the routing table has tried already
        }
        Redirects redirects = compiled.get(entries);
        if (redirects == null) {
            redirects = Redirects.of(s, null);
            if (compiled.size() >= CACHE_LIMIT) {
                compiled.clear();
            }
            compiled.put(entries, redirects);
        }
        return redirects.apply(r.uri(), r.query(), name -> ServerVariables.of(name, r.http(), r.uri(), r.server(),
                r.host(), r.port()), generation);
    }
}
