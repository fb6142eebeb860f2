package org.wsgi.router.match;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.wsgi.api.EnvironOptions;
import org.wsgi.api.ProxyTrust;
import org.wsgi.api.Route;
import org.wsgi.api.RouteRequest;
import org.wsgi.api.config.DaemonProcess;
import org.wsgi.api.config.DirectorySettings;
import org.wsgi.api.config.ScriptMount;
import org.wsgi.api.config.WsgiConfiguration;
import org.wsgi.api.exec.ScriptTarget;

/**
 * From a mapped file name to a route: Apache's directory walk, mod_dir (trailing-slash redirect, DirectoryIndex),
 * the handler ({@code WSGIScriptAlias} forces {@code wsgi-script}; otherwise {@code SetHandler}/{@code AddHandler},
 * which need {@code Options ExecCGI}), then mod_wsgi's group names and checks.
 */
final class Mapper {

    /** One request on its way through the table. */
    record Request(RouteRequest http, String uri, String query, RoutingTable.Server server, HostHeader host,
            int port, Map<String, String> rewriteEnv, InternalRedirect redirect) {
    }

    /** Routes a new URI for the same request, as Apache's internal redirect does. */
    @FunctionalInterface
    interface InternalRedirect {
        Route to(String uri, String query);
    }

    private static final List<String> DEFAULT_INDEX = List.of("index.html");

    private final WsgiConfiguration configuration;
    private final ScriptResolver resolver;
    private final UnaryOperator<String> processEnv;
    private final AccessFiles accessFiles;
    private final FileProbe probe;
    private final AccessControl accessControl;
    private final ScriptHooks scriptHooks;
    /** {@code WSGIRestrictEmbedded On}: only requests delegated to a daemon process group may run. */
    private final boolean restrictEmbedded;
    private final PerDirectoryRewrite perDirectoryRewrite = new PerDirectoryRewrite();
    private final DirectoryRedirects directoryRedirects = new DirectoryRedirects();

    Mapper(WsgiConfiguration configuration, FileProbe probe, UnaryOperator<String> processEnv,
            AccessFiles accessFiles, HookRunner hooks) {
        this.configuration = configuration;
        this.restrictEmbedded = "on".equalsIgnoreCase(Directives.value(configuration.main().settings(),
                "WSGIRestrictEmbedded"));
        // Hook scripts run whatever WSGIRestrictEmbedded says: mod_wsgi checks it only before running an application.
        this.scriptHooks = new ScriptHooks(hooks);
        this.accessControl = new AccessControl(new PasswordFiles(), scriptHooks);
        this.probe = probe;
        this.accessFiles = accessFiles;
        this.resolver = new ScriptResolver(probe);
        this.processEnv = processEnv;
    }

    /**
     * @param targetLength how much of {@code filename} is the mount's literal target, 0 if unknown
     * @param mount the {@code WSGIScriptAlias} that mapped the name, or {@code null} for {@code Alias} and the
     *        document root
     */
    Route byHandler(Request r, String filename, int targetLength, String uri, ScriptMount mount) {
        ScriptResolver.Walk walk = resolver.walk(filename, targetLength);
        SectionMatcher.Merged merged = r.server().sections().merge(r.server().settings(),
                walk.kind() == FileProbe.Kind.DIRECTORY ? walk.path() + "/x" : walk.path(), uri, accessFiles);
        if (merged.accessError() != null) {
            return error(500, merged.accessError());
        }
        DirectorySettings s = merged.settings();
        // Most requests meet no access directive at all: no hook context is made for them.
        AccessControl.Decision access = accessControl.check(s, r.http(), uri,
                s.directives().isEmpty() ? null : hookCall(r, walk, uri));
        if (access.status() != 0) {
            // Refused before mod_env's fixups run: no SetEnv variable reaches an error document from here.
            return error(access.status(), access.reason(), s, null, r);
        }
        if (merged.rewriteDir() != null) {
            Route rewritten = perDirectoryRewrite.apply(r, walk, filename, s, merged.rewriteDir(), configuration);
            if (rewritten != null) {
                return rewritten;
            }
        }
        Route redirected = directoryRedirects.apply(r, s, configuration.generation());
        if (redirected != null) {
            return redirected;
        }
        String handler = mount != null ? Handlers.WSGI : Handlers.of(s, name(walk.path()));
        if (Handlers.STATUS.equals(handler)) {
            return new Route(Route.Outcome.STATUS, 200, "server-status handler", null, uri, "", "", serverName(r),
                    r.server().documentRoot(), Map.of(), false, false, 0, configuration.generation());
        }
        switch (walk.kind()) {
            case MISSING:
                MultiViews.Choice variant = MultiViews.choose(filename, uri, probe, s);
                if (variant != null) {
                    return byHandler(r, variant.filename(), 0, variant.uri(), mount);
                }
                if (!Handlers.WSGI.equals(handler)) {
                    if (!DefaultHandler.readsFile(r)) {
                        return file(r, filename, uri, s); // Apache's default handler: OPTIONS 200, else 405 or 501
                    }
                    String tooLarge = DefaultHandler.bodyTooLarge(r, s);
                    if (tooLarge != null) {
                        return error(413, tooLarge, s, r); // it discards the body before it looks for the file
                    }
                }
                return error(404, Handlers.WSGI.equals(handler)
                        ? "Target WSGI script not found or unable to stat: " + UriPath.text(filename)
                        : "File does not exist: " + UriPath.text(filename), s, r);
            case DIRECTORY:
                return directory(r, walk.path(), uri, s, mount, handler);
            default:
                break;
        }
        if (!Handlers.WSGI.equals(handler)) {
            // As in Apache without the module behind a handler name (cgi-script here): the default handler serves.
            return walk.pathInfo().isEmpty() || !DefaultHandler.readsFile(r) ? file(r, walk.path(), uri, s)
                    : error(404, "File does not exist: " + UriPath.text(filename), s, r);
        }
        if (mount == null && !Handlers.options(s).contains("execcgi")) {
            return error(403, "Options ExecCGI is off in this directory: " + UriPath.text(walk.path()), s, r);
        }
        return wsgi(r, walk, uri, s, mount, access);
    }

    private ScriptHooks.Call hookCall(Request r, ScriptResolver.Walk walk, String uri) {
        return HookEnviron.call(r, walk, uri, serverName(r), RoutingTable.lower(uri),
                processEnv, Path.of(configuration.serverRoot()));
    }

    private Route directory(Request r, String dir, String uri, DirectorySettings s, ScriptMount mount,
            String handler) {
        if (!uri.endsWith("/")) {
            String query = r.http().query();
            return new Route(Route.Outcome.REDIRECT, 301, location(r, uri + "/") + (query == null ? "" : "?" + query),
                    null, "", "", "", "", "", Map.of(), false, false, 0, configuration.generation());
        }
        String base = dir.endsWith("/") ? dir : dir + "/";
        for (String index : s.directoryIndex() != null ? s.directoryIndex() : DEFAULT_INDEX) {
            if (index.startsWith("/") || index.equalsIgnoreCase("disabled")) {
                continue;
            }
            String candidate = base + UriPath.bytes(index);
            if (resolver.walk(candidate).kind() == FileProbe.Kind.FILE) {
                return byHandler(r, candidate, 0, uri + UriPath.bytes(index), mount);
            }
        }
        if (Handlers.WSGI.equals(handler)) {
            return error(403, "Attempt to invoke directory as WSGI application: " + UriPath.text(base), s, r);
        }
        if (Handlers.options(s).contains("indexes")) {
            return new Route(Route.Outcome.FILE, 200, "directory listing",
                    new ScriptTarget(Path.of(UriPath.text(base)), "", "", false), uri, "", "", serverName(r),
                    r.server().documentRoot(), Map.of(), false, false, 0, configuration.generation());
        }
        return error(403, "Cannot serve directory " + UriPath.text(base)
                + ": No matching DirectoryIndex found, and server-generated directory index forbidden by Options", s, r);
    }

    private Route file(Request r, String file, String uri, DirectorySettings s) {
        ScriptTarget target = new ScriptTarget(Path.of(UriPath.text(file)), "", "", false);
        return new Route(Route.Outcome.FILE, 200, "static file", target, uri, "", "", serverName(r),
                r.server().documentRoot(), Map.of(), false, false, first(s.limitRequestBody(), 0L),
                configuration.generation(), null, RouteOptions.of(s, r));
    }

    private Route wsgi(Request r, ScriptResolver.Walk walk, String uri, DirectorySettings s, ScriptMount mount,
            AccessControl.Decision access) {
        String rawPathInfo = walk.pathInfo();
        String pathInfo = UriPath.collapseSlashes(rawPathInfo);
        String scriptUri = uri.endsWith(rawPathInfo) ? uri.substring(0, uri.length() - rawPathInfo.length()) : uri;
        String scriptName = UriPath.collapseSlashes(scriptUri);
        RequestEnv.Vars vars = RequestEnv.of(s, r.http(), uri, r.rewriteEnv());
        // mod_wsgi 4.9 lower-cases the script name of a %{RESOURCE} group whatever WSGICaseSensitivity says.
        String resourceName = RoutingTable.lower(scriptName);
        GroupNames.Context ctx = new GroupNames.Context(r.server().name(), r.host().name(), r.port(), resourceName,
                vars.forGroups(), processEnv);
        String app = GroupNames.expand(first(mount == null ? null : mount.applicationGroup(), s.applicationGroup(),
                "%{RESOURCE}"), ctx);
        String proc = GroupNames.expand(first(mount == null ? null : mount.processGroup(), s.processGroup(),
                "%{GLOBAL}"), ctx);
        String callable = GroupNames.expand(first(mount == null ? null : mount.callableObject(), s.callableObject(),
                ScriptTarget.DEFAULT_CALLABLE), ctx);
        List<String> dispatchScript = Directives.last(s, "WSGIDispatchScript");
        if (dispatchScript != null) {
            try {
                ScriptHooks.Dispatch d = scriptHooks.dispatch(dispatchScript,
                        HookEnviron.forDispatch(hookCall(r, walk, uri), proc, vars.forEnviron()));
                // mod_wsgi expands what a dispatch script answers as it expands the configured values.
                proc = d.processGroup() == null ? proc : GroupNames.expand(d.processGroup(), ctx);
                app = d.applicationGroup() == null ? app : GroupNames.expand(d.applicationGroup(), ctx);
                callable = d.callableObject() == null ? callable : GroupNames.expand(d.callableObject(), ctx);
            } catch (org.wsgi.api.exec.WsgiException | RuntimeException e) {
                return error(500, e.getMessage(), s, r);
            }
        }
        if (!proc.isEmpty()) {
            String refusal = checkProcessGroup(proc, r.server().name(), s);
            if (refusal != null) {
                return error(500, refusal + ": " + UriPath.text(walk.path()), s, r);
            }
        } else if (restrictEmbedded) {
            return error(500, "Embedded mode of mod_wsgi disabled by runtime configuration: "
                    + UriPath.text(walk.path()));
        }
        ScriptTarget target = new ScriptTarget(Path.of(UriPath.text(walk.path())), app, callable,
                first(s.scriptReloading(), Boolean.TRUE), walk.modified());
        String reason = mount != null ? "matched " + mount.location() + " " + mount.urlPath()
                : "wsgi-script handler for " + UriPath.text(walk.path());
        Map<String, String> env = vars.forEnviron();
        if (access.user() != null) {
            env = new java.util.LinkedHashMap<>(env);
            env.put("AUTH_TYPE", access.authType());
            env.put("REMOTE_USER", access.user());
        }
        return new Route(Route.Outcome.WSGI, 200, reason, target, scriptName, pathInfo, proc, serverName(r),
                r.server().documentRoot(), env,
                first(mount == null ? null : mount.passAuthorization(), s.passAuthorization(), Boolean.FALSE),
                first(s.chunkedRequest(), Boolean.FALSE), first(s.limitRequestBody(), 0L),
                configuration.generation(), java.util.Objects.equals(r.query(), r.http().query()) ? null : r.query(),
                RouteOptions.of(s, r));
    }

    private String checkProcessGroup(String proc, String serverName, DirectorySettings s) {
        DaemonProcess d = configuration.daemon(proc).orElse(null);
        if (d == null) {
            return "No WSGI daemon process called '" + proc + "' has been configured";
        }
        if (d.serverName() != null && !d.serverName().equalsIgnoreCase(serverName)) {
            return "Daemon process called '" + proc + "' cannot be accessed by this WSGI application";
        }
        List<String> allowed = s.restrictProcess();
        if (allowed != null && !Set.copyOf(allowed).contains(proc)) {
            return "Daemon process called '" + proc + "' cannot be accessed by this WSGI application as not a member"
                    + " of allowed groups";
        }
        return null;
    }

    /** {@code UseCanonicalName Off}: the request's host name, else the server's name. */
    private static String serverName(Request r) {
        return r.host().name() != null ? r.host().name() : r.server().name();
    }

    private static String location(Request r, String path) {
        String scheme = r.http().scheme() == null ? "http" : r.http().scheme();
        boolean standard = r.port() == ("https".equals(scheme) ? 443 : 80);
        return scheme + "://" + serverName(r) + (standard ? "" : ":" + r.port()) + UriPath.text(path);
    }

    private Route error(int status, String reason) {
        return Route.error(status, reason, configuration.generation());
    }

    /**
     * Options for an error answered under a directory's settings when none is configured there: not the shared
     * {@link EnvironOptions#DEFAULT}, which marks an error met before any directory's settings applied (the routing
     * table gives those the server's {@code ErrorDocument}s), so that {@code ErrorDocument N default} in a directory
     * keeps the server's own page.
     */
    private static final EnvironOptions NOTHING_IN_DIRECTORY = EnvironOptions.DEFAULT.withErrorAnswers(null, Map.of());

    /**
     * An error answered under the settings of the request's directory ({@code ErrorDocument}, ...); where a document
     * may answer it, with the request's variables ({@code SetEnv}, rewrite {@code E=}), which Apache hands on to the
     * document as {@code REDIRECT_} variables.
     */
    private Route error(int status, String reason, DirectorySettings s, Request r) {
        return error(status, reason, s, s, r);
    }

    /** @param envSettings whose variables the error document sees, {@code null} for none */
    private Route error(int status, String reason, DirectorySettings s, DirectorySettings envSettings, Request r) {
        EnvironOptions options = RouteOptions.of(s, r);
        Route e = error(status, reason);
        if (envSettings != null && options.errorDocument(status) != null) {
            Map<String, String> env = RequestEnv.of(s, r.http(), r.uri(), r.rewriteEnv()).forEnviron();
            e = new Route(e.outcome(), e.status(), e.reason(), null, "", "", "", "", "", env, false, false, 0,
                    e.generation());
        }
        return RoutingTable.withOptions(e, options == EnvironOptions.DEFAULT ? NOTHING_IN_DIRECTORY : options);
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
