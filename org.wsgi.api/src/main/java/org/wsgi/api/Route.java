package org.wsgi.api;

import java.util.Map;
import java.util.Objects;

import org.wsgi.api.exec.ScriptTarget;

/**
 * Where a request goes, and why. Immutable; produced from one configuration snapshot.
 *
 * @param outcome what kind of answer
 * @param status the HTTP status when the outcome is not {@link Outcome#WSGI} (e.g. 404, 403, 413), else 200
 * @param reason a one-line explanation: the mount that matched, or the error as mod_wsgi would log it; for
 *        {@link Outcome#REDIRECT} the {@code Location}; for a 401 error the {@code WWW-Authenticate} challenge
 * @param target the script to run for {@link Outcome#WSGI}, the file to serve for {@link Outcome#FILE}; else
 *        {@code null}
 * @param scriptName the WSGI {@code SCRIPT_NAME}
 * @param pathInfo the WSGI {@code PATH_INFO}
 * @param processGroup the daemon process group; the empty string means embedded ({@code %{GLOBAL}})
 * @param serverName the name the request is served under (for {@code SERVER_NAME})
 * @param documentRoot the {@code DocumentRoot} of the server that answers
 * @param env variables for the environ from {@code SetEnv} and rewrite {@code E=}, in effect for this request
 * @param passAuthorization whether {@code HTTP_AUTHORIZATION} reaches the application
 * @param chunkedRequest whether a chunked request body is accepted ({@code WSGIChunkedRequest})
 * @param limitRequestBody the largest body accepted, 0 for no limit
 * @param generation the configuration generation this route was computed from
 * @param query the {@code QUERY_STRING} the application sees when mod_rewrite replaced the request's (without the
 *        {@code ?}); {@code null} when it is the request's own
 * @param environOptions what else shapes the environ: trusted proxy headers, {@code ServerAdmin}, ...
 */
public record Route(Outcome outcome, int status, String reason, ScriptTarget target, String scriptName,
        String pathInfo, String processGroup, String serverName, String documentRoot, Map<String, String> env, boolean passAuthorization,
        boolean chunkedRequest, long limitRequestBody, long generation, String query,
        EnvironOptions environOptions) {

    /** A route whose environ has no options set. */
    public Route(Outcome outcome, int status, String reason, ScriptTarget target, String scriptName,
            String pathInfo, String processGroup, String serverName, String documentRoot, Map<String, String> env,
            boolean passAuthorization, boolean chunkedRequest, long limitRequestBody, long generation, String query) {
        this(outcome, status, reason, target, scriptName, pathInfo, processGroup, serverName, documentRoot, env,
                passAuthorization, chunkedRequest, limitRequestBody, generation, query, EnvironOptions.DEFAULT);
    }

    /** A route whose application sees the request's own query string. */
    public Route(Outcome outcome, int status, String reason, ScriptTarget target, String scriptName,
            String pathInfo, String processGroup, String serverName, String documentRoot, Map<String, String> env,
            boolean passAuthorization, boolean chunkedRequest, long limitRequestBody, long generation) {
        this(outcome, status, reason, target, scriptName, pathInfo, processGroup, serverName, documentRoot, env,
                passAuthorization, chunkedRequest, limitRequestBody, generation, null);
    }

    /** The kinds of answer the router decides on. */
    public enum Outcome {
        /** Run a WSGI application. */
        WSGI,
        /** Serve a static file ({@code Alias}, {@code DocumentRoot}). */
        FILE,
        /** The {@code server-status} handler. */
        STATUS,
        /** Redirect to {@link Route#reason()}, with {@link Route#status()} (mod_dir's trailing slash). */
        REDIRECT,
        /** Answer with {@link Route#status()} and an error page. */
        ERROR,
        /**
         * Echo the request back ({@code TRACE} under {@code TraceEnable on}, Apache's default); {@link Route#reason()}
         * is {@code extended} when a request body may be echoed too.
         */
        TRACE
    }

    public Route {
        Objects.requireNonNull(outcome, "outcome");
        env = Map.copyOf(env);
        environOptions = environOptions == null ? EnvironOptions.DEFAULT : environOptions;
    }

    /** The proxy headers that may rewrite the environ. */
    public ProxyTrust proxyTrust() {
        return environOptions.proxyTrust();
    }

    /** {@code ServerAdmin}, or {@code null} for the container's default. */
    public String serverAdmin() {
        return environOptions.serverAdmin();
    }

    /** An error answer with no script. */
    public static Route error(int status, String reason, long generation) {
        return new Route(Outcome.ERROR, status, reason, null, "", "", "", "", "", Map.of(), false, false, 0, generation);
    }
}
