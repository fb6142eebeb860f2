package org.wsgi.router.match;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.wsgi.api.EnvironOptions;
import org.wsgi.api.ProxyTrust;
import org.wsgi.api.Route;
import org.wsgi.api.RouteRequest;
import org.wsgi.api.config.DirectorySettings;
import org.wsgi.api.config.ScriptMount;
import org.wsgi.api.config.Section;
import org.wsgi.api.config.ServerConfig;
import org.wsgi.api.config.WsgiConfiguration;

/**
 * One configuration snapshot compiled for routing, mapping a URL as Apache's translate-name phase does: mod_alias
 * ({@code Alias}, {@code AliasMatch}) first, then mod_wsgi's script aliases, then the {@code DocumentRoot}; then
 * the directory walk, mod_dir and the handler decide. Immutable and thread-safe: {@link #route} only reads.
 */
public final class RoutingTable {

    /** A server (main or virtual host) compiled once per snapshot. */
    record Server(ServerConfig config, String name, String documentRoot, MountIndex aliases,
            MountIndex mounts, SectionMatcher sections, DirectorySettings settings, Rewriter rewriter,
            String userDir, UriPath.EncodedSlashes encodedSlashes, Redirects redirects, boolean canonical) {
    }

    /** The reason of the 405 that {@code TraceEnable off} answers a TRACE with (its page allows no method). */
    public static final String TRACE_DENIED = "TRACE denied by server configuration";

    private final WsgiConfiguration configuration;
    private final Server main;
    private final Map<ServerConfig, Server> hosts = new LinkedHashMap<>();
    private final VirtualHosts virtualHosts;
    private final Mapper mapper;

    /**
     * @param defaultServerName the name used when no {@code ServerName} was configured (Apache: the host name)
     * @param probe the file system
     * @param processEnv the process environment, for {@code %{ENV:x}} fallbacks
     */
    public RoutingTable(WsgiConfiguration configuration, String defaultServerName, FileProbe probe,
            UnaryOperator<String> processEnv) {
        this(configuration, defaultServerName, probe, processEnv, AccessFiles.NONE);
    }

    /** @param accessFiles the {@code .htaccess} files of the directory walk */
    public RoutingTable(WsgiConfiguration configuration, String defaultServerName, FileProbe probe,
            UnaryOperator<String> processEnv, AccessFiles accessFiles) {
        this(configuration, defaultServerName, probe, processEnv, accessFiles, HookRunner.NONE);
    }

    /** @param hooks runs mod_wsgi's access and authentication scripts */
    public RoutingTable(WsgiConfiguration configuration, String defaultServerName, FileProbe probe,
            UnaryOperator<String> processEnv, AccessFiles accessFiles, HookRunner hooks) {
        this.configuration = configuration;
        ServerConfig m = configuration.main();
        String mainName = m.serverName() != null ? m.serverName() : defaultServerName;
        String mainRoot = m.documentRoot() != null ? m.documentRoot() : configuration.serverRoot() + "/htdocs";
        this.main = new Server(m, mainName, mainRoot, compile(m.aliases(), List.of(), false),
                compile(m.mounts(), List.of(), true), sections(m.sections()), m.settings(),
                Rewriter.of(m.settings()), Directives.value(m.settings(), "UserDir"),
                UriPath.EncodedSlashes.of(Directives.value(m.settings(), "AllowEncodedSlashes")),
                Redirects.of(m.settings(), null), canonical(m.settings()));
        for (ServerConfig v : configuration.virtualHosts()) {
            List<Section> sections = new ArrayList<>(m.sections());
            sections.addAll(v.sections());
            DirectorySettings merged = m.settings().merge(v.settings());
            hosts.put(v, new Server(v, v.serverName() != null ? v.serverName() : mainName,
                    v.documentRoot() != null ? v.documentRoot() : mainRoot, compile(v.aliases(), m.aliases(), false),
                    compile(v.mounts(), m.mounts(), true), sections(sections), merged, Rewriter.of(v.settings()),
                    Directives.value(merged, "UserDir"),
                    UriPath.EncodedSlashes.of(Directives.value(merged, "AllowEncodedSlashes")),
                    Redirects.of(v.settings(), m.settings()), canonical(merged)));
        }
        this.virtualHosts = new VirtualHosts(configuration.virtualHosts());
        this.mapper = new Mapper(configuration, probe, processEnv, accessFiles, hooks);
    }

    /**
     * The base configuration's {@code <Files ".ht*"> Require all denied </Files>} (Debian's apache2.conf has it)
     * ahead of the configured sections, so that they can override it, as in Apache.
     */
    private static final Section NO_HT_FILES = new Section(Section.Type.FILES, ".ht*", false,
            new DirectorySettings(null, null, null, null, null, null, null, List.of(), null, null, Map.of(), List.of(),
                    null, Map.of("Require", List.of(List.of("all", "denied")))),
            new org.wsgi.api.config.SourceLocation("<base configuration>", 0));

    private static SectionMatcher sections(List<Section> configured) {
        List<Section> all = new ArrayList<>(configured.size() + 1);
        all.add(NO_HT_FILES);
        all.addAll(configured);
        return new SectionMatcher(all);
    }

    /** A virtual host's mounts first, then the main server's (mod_wsgi and mod_alias merge alike). */
    private static MountIndex compile(List<ScriptMount> own, List<ScriptMount> inherited, boolean script) {
        List<CompiledMount> all = new ArrayList<>();
        own.forEach(x -> all.add(script ? CompiledMount.script(x) : CompiledMount.alias(x)));
        inherited.forEach(x -> all.add(script ? CompiledMount.script(x) : CompiledMount.alias(x)));
        return new MountIndex(List.copyOf(all));
    }

    public WsgiConfiguration configuration() {
        return configuration;
    }

    /** Apache's {@code LimitInternalRecursion} default. */
    private static final int MAX_INTERNAL_REDIRECTS = 10;

    /** Routes a request under this snapshot. */
    public Route route(RouteRequest request) {
        Route route;
        try {
            route = route(request, 0);
        } catch (StackOverflowError deep) {
            // Java's regex engine recurses per repetition of an alternation, where PCRE does not: a long URI against
            // a pattern such as (a|b)* ends here instead of taking the request thread down.
            return Route.error(500, "a regular expression of the configuration is too deep for this URI",
                    configuration.generation());
        }
        return (route.outcome() == Route.Outcome.ERROR || route.outcome() == Route.Outcome.REDIRECT)
                && route.environOptions() == EnvironOptions.DEFAULT ? withServerOptions(route, request) : route;
    }

    /** {@code UseCanonicalName On} for a server or virtual host. */
    private static boolean canonical(DirectorySettings s) {
        return "on".equalsIgnoreCase(Directives.value(s, "UseCanonicalName"));
    }

    /**
     * An error met before any directory's settings applied is answered under the server's: its {@code ServerAdmin}
     * named by the error pages, its {@code ErrorDocument}s.
     */
    private Route withServerOptions(Route route, RouteRequest request) {
        HostHeader host = HostHeader.parse(request.host());
        ServerConfig chosen = virtualHosts.select(host.name());
        Server server = chosen == null ? main : hosts.get(chosen);
        String admin = Directives.value(server.settings(), "ServerAdmin");
        int port = host.port() > 0 ? host.port() : "https".equals(request.scheme()) ? 443 : 80;
        String path;
        try {
            path = UriPath.decode(request.rawPath());
        } catch (UriPath.BadPathException e) {
            path = request.rawPath();
        }
        String uri = path;
        Map<Integer, String> documents = !ErrorDocuments.any(server.settings()) ? Map.of()
                : ErrorDocuments.of(server.settings(), name -> ServerVariables.of(name, request, uri, server, host,
                        port));
        return admin == null && documents.isEmpty() ? route
                : withOptions(route, EnvironOptions.DEFAULT.withErrorAnswers(admin, documents));
    }

    /** {@code route} with other options. */
    static Route withOptions(Route route, EnvironOptions options) {
        return new Route(route.outcome(), route.status(), route.reason(), route.target(), route.scriptName(),
                route.pathInfo(), route.processGroup(), route.serverName(), route.documentRoot(), route.env(),
                route.passAuthorization(), route.chunkedRequest(), route.limitRequestBody(), route.generation(),
                route.query(), options);
    }

    private Route route(RouteRequest request, int redirects) {
        HostHeader requested = HostHeader.parse(request.host());
        ServerConfig chosen = virtualHosts.select(requested.name());
        Server server = chosen == null ? main : hosts.get(chosen);
        String uri;
        try {
            uri = UriPath.decode(request.rawPath(), server.encodedSlashes());
        } catch (UriPath.BadPathException e) {
            return Route.error(e.status(), e.getMessage(), configuration.generation());
        }
        int schemePort = "https".equals(request.scheme()) ? 443 : 80;
        // UseCanonicalName On: the server's own name and ServerName's port (else the scheme's), not the Host header's.
        boolean canonical = server.canonical();
        int configured = server.config().serverName() != null ? server.config().serverPort() : main.config().serverPort();
        int port = canonical ? (configured > 0 ? configured : schemePort)
                : requested.port() > 0 ? requested.port() : schemePort;
        HostHeader host = canonical ? new HostHeader(server.name(), port) : requested;
        Map<String, String> rewriteEnv = Map.of();
        String query = request.query();
        if (server.rewriter() != null) {
            String original = uri;
            Rewriter.Result rw = server.rewriter().apply(uri, request.query(),
                    name -> ServerVariables.of(name, request, original, server, host, port));
            if (rw.status() != 0) {
                return rw.location() != null
                        ? new Route(Route.Outcome.REDIRECT, rw.status(), rw.location(), null, "", "", "", "", "",
                                Map.of(), false, false, 0, configuration.generation())
                        : Route.error(rw.status(), "RewriteRule refused " + original, configuration.generation());
            }
            uri = rw.uri();
            query = rw.query();
            rewriteEnv = rw.env();
        }
        if (server.redirects() != null) {
            // mod_alias's redirects come after mod_rewrite and before any alias or WSGIScriptAlias.
            String rewritten = uri;
            Route redirected = server.redirects().apply(uri, query,
                    name -> ServerVariables.of(name, request, rewritten, server, host, port), configuration.generation());
            if (redirected != null) {
                return redirected;
            }
        }
        if ("TRACE".equals(request.method())) {
            // Apache's core answers TRACE once the URL is translated, before access control and any handler.
            String trace = Directives.value(server.settings(), "TraceEnable");
            return "off".equalsIgnoreCase(trace)
                    ? Route.error(405, TRACE_DENIED, configuration.generation())
                    : new Route(Route.Outcome.TRACE, 200, trace == null ? "on" : trace.toLowerCase(Locale.ROOT), null,
                            "", "", "", "", "", Map.of(), false, false, 0, configuration.generation());
        }
        String current = uri;
        Mapper.Request r = new Mapper.Request(request, uri, query, server, host, port, rewriteEnv,
                (to, newQuery) -> internalRedirect(request, current, to, newQuery, redirects));
        MountIndex.Hit alias = server.aliases().find(uri);
        if (alias != null) {
            return mapper.byHandler(r, alias.filename(), alias.targetLength(), uri, null);
        }
        MountIndex.Hit mount = server.mounts().find(uri);
        if (mount != null) {
            return mapper.byHandler(r, mount.filename(), mount.targetLength(), uri, mount.mount().mount());
        }
        String userFile = UserDirs.map(server.userDir(), uri);
        if (userFile != null) {
            return mapper.byHandler(r, userFile, 0, uri, null);
        }
        String root = UriPath.bytes(server.documentRoot());
        return mapper.byHandler(r, (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + uri, 0, uri,
                null);
    }

    /**
     * Routes {@code to} for the same request, with {@code REDIRECT_URL} and {@code REDIRECT_STATUS} in the
     * environment as Apache sets them for the redirected request.
     */
    private Route internalRedirect(RouteRequest request, String from, String to, String query, int redirects) {
        if (redirects >= MAX_INTERNAL_REDIRECTS) {
            return Route.error(500, "Request exceeded the limit of " + MAX_INTERNAL_REDIRECTS
                    + " internal redirects due to probable configuration error.", configuration.generation());
        }
        Route next = route(new RouteRequest(request.method(), request.scheme(), request.host(), request.localPort(),
                UriPath.encode(to), query, request.remoteAddr(), request.headers()), redirects + 1);
        if (next.outcome() != Route.Outcome.WSGI) {
            return next;
        }
        Map<String, String> env = new LinkedHashMap<>(next.env());
        env.putIfAbsent("REDIRECT_URL", UriPath.text(from));
        env.putIfAbsent("REDIRECT_STATUS", "200");
        String effective = next.query() != null ? next.query() : query;
        return new Route(next.outcome(), next.status(), next.reason(), next.target(), next.scriptName(),
                next.pathInfo(), next.processGroup(), next.serverName(), next.documentRoot(), env,
                next.passAuthorization(), next.chunkedRequest(), next.limitRequestBody(), next.generation(),
                effective, next.environOptions());
    }

    /** The file a FILE route serves, for the servlet: the byte-string name as a path. */
    public static Path file(String bytes) {
        return Path.of(UriPath.text(bytes));
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
