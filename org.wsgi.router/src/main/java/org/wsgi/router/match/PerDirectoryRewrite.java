package org.wsgi.router.match;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.wsgi.api.Route;
import org.wsgi.api.config.DirectorySettings;
import org.wsgi.api.config.WsgiConfiguration;

/**
 * mod_rewrite in a directory context ({@code <Directory>} or {@code .htaccess}), run once the file name is known:
 * the rules match the file name (with PATH_INFO) below the directory that holds them, {@code REQUEST_FILENAME} is
 * the file found, and a new URL path becomes an internal redirect: the request is routed again from the start.
 * A substitution without a leading {@code /} is placed under {@code RewriteBase}, else under the directory and then
 * made a URL by stripping the document root, as Apache does.
 */
final class PerDirectoryRewrite {

    private static final int CACHE_LIMIT = 1024;

    /**
     * Rules compiled once per distinct list of rewrite directives (a section of the snapshot this instance belongs
     * to, or a parsed access file).
     */
    private final Map<List<List<String>>, Rewriter> compiled = new ConcurrentHashMap<>();

    /** @return the route of the rewritten request, or {@code null} when the rules leave it as it is */
    Route apply(Mapper.Request r, ScriptResolver.Walk walk, String filename, DirectorySettings s, String dir,
            WsgiConfiguration configuration) {
        List<List<String>> rules = s.directives().get(DirectorySettings.REWRITE);
        if (rules == null || r.redirect() == null) {
            return null;
        }
        Rewriter rewriter = compiled(rules, s);
        if (rewriter == null) {
            return null;
        }
        String file = walk.kind() == FileProbe.Kind.FILE ? walk.path() + walk.pathInfo() : filename;
        String requestFilename = walk.kind() == FileProbe.Kind.FILE ? walk.path() : filename;
        String subject = !dir.isEmpty() && file.startsWith(dir) ? file.substring(dir.length()) : file;
        java.util.function.UnaryOperator<String> vars = name -> switch (name) {
            case "REQUEST_FILENAME", "SCRIPT_FILENAME" -> requestFilename;
            default -> ServerVariables.of(name, r.http(), r.uri(), r.server(), r.host(), r.port());
        };
        Rewriter.Result rw = rewriter.apply(subject, r.query(), vars, true);
        if (rw.status() != 0) {
            String location = rw.location();
            if (location != null && !RedirectLocation.isAbsolute(location) && !location.startsWith("/")) {
                // A relative target is placed under RewriteBase or the directory, then made absolute.
                location = RedirectLocation.qualify(url(location, dir, s, r.server().documentRoot()), vars);
            }
            return location != null
                    ? new Route(Route.Outcome.REDIRECT, rw.status(), location, null, "", "", "", "", "",
                            Map.of(), false, false, 0, configuration.generation())
                    : Route.error(rw.status(), "RewriteRule refused " + r.uri(), configuration.generation());
        }
        if (rw.uri().equals(subject)) {
            return null;
        }
        String url = url(rw.uri(), dir, s, r.server().documentRoot());
        if (url.equals(r.uri())) {
            return null; // mod_rewrite ignores a rewrite to the URL being served
        }
        return r.redirect().to(url, rw.query());
    }

    private Rewriter compiled(List<List<String>> rules, DirectorySettings s) {
        Rewriter r = compiled.get(rules);
        if (r == null) {
            r = Rewriter.of(s);
            if (r == null) {
                return null;
            }
            if (compiled.size() >= CACHE_LIMIT) {
                compiled.clear();
            }
            compiled.put(rules, r);
        }
        return r;
    }

    private static String url(String target, String dir, DirectorySettings s, String documentRoot) {
        if (target.startsWith("/")) {
            return target;
        }
        String b = Directives.value(s, "RewriteBase");
        if (b != null) {
            return (b.endsWith("/") ? b : b + "/") + target;
        }
        String path = dir + target;
        String root = UriPath.bytes(documentRoot);
        root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        return path.startsWith(root + "/") ? path.substring(root.length()) : path;
    }
}
