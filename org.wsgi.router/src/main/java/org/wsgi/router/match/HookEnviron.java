package org.wsgi.router.match;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.wsgi.api.RouteRequest;

/** The request as mod_wsgi's hook scripts see it. */
final class HookEnviron {

    private HookEnviron() {
    }

    /**
     * What a hook script gets of the request (made only if one is called): the CGI variables mod_wsgi 4.9.4 passes
     * its access, authentication and dispatch hooks that this router knows (no REMOTE_PORT, SERVER_ADDR, SERVER_PROTOCOL),
     * the headers but Authorization and Proxy, SCRIPT_NAME and PATH_INFO as the application would get them.
     */
    static ScriptHooks.Call call(Mapper.Request r, ScriptResolver.Walk walk, String uri, String serverName,
            String resourceName, UnaryOperator<String> processEnv, Path serverRoot) {
        Supplier<Map<String, String>> environ = () -> {
            Map<String, String> env = new LinkedHashMap<>();
            String pathInfo = walk.pathInfo();
            String scriptUri = uri.endsWith(pathInfo) ? uri.substring(0, uri.length() - pathInfo.length()) : uri;
            RouteRequest http = r.http();
            env.put("DOCUMENT_ROOT", r.server().documentRoot());
            env.put("PATH_INFO", UriPath.collapseSlashes(pathInfo));
            env.put("QUERY_STRING", http.query() == null ? "" : http.query());
            env.put("REMOTE_ADDR", http.remoteAddr());
            env.put("REQUEST_METHOD", http.method());
            env.put("REQUEST_URI", http.rawPath() + (http.query() == null ? "" : "?" + http.query()));
            env.put("SCRIPT_NAME", UriPath.collapseSlashes(scriptUri));
            env.put("SERVER_NAME", serverName);
            env.put("SERVER_PORT", String.valueOf(r.port()));
            env.put("SERVER_SIGNATURE", "");
            http.headers().forEach((name, value) -> {
                String key = CgiNames.headerKey(name);
                if (key != null && !key.equals("HTTP_PROXY") && !CgiNames.credentials(key)) {
                    env.put(CgiNames.cgiName(key), value);
                }
            });
            env.put("mod_wsgi.process_group", "");
            env.put("mod_wsgi.script_reloading", "1");
            return env;
        };
        GroupNames.Context ctx = new GroupNames.Context(r.server().name(), r.host().name(), r.port(), resourceName,
                Map.of(), processEnv);
        return new ScriptHooks.Call(environ, name -> GroupNames.expand(name, ctx), serverRoot);
    }

    /**
     * A dispatch script's view: mod_wsgi gives it the request's environ with the configured process group and the
     * request's SetEnv and rewrite variables, which the access hooks, run earlier, do not see.
     */
    static ScriptHooks.Call forDispatch(ScriptHooks.Call call, String processGroup, Map<String, String> vars) {
        return new ScriptHooks.Call(() -> {
            Map<String, String> env = new LinkedHashMap<>(vars);
            env.putAll(call.environ().get());
            env.put("mod_wsgi.process_group", processGroup);
            return env;
        }, call.groups(), call.serverRoot());
    }
}
