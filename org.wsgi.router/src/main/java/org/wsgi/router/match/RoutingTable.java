package org.wsgi.router.match;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.wsgi.api.Route;
import org.wsgi.api.RouteRequest;
import org.wsgi.api.config.DaemonProcess;
import org.wsgi.api.config.DirectorySettings;
import org.wsgi.api.config.EnvAction;
import org.wsgi.api.config.ScriptMount;
import org.wsgi.api.config.ServerConfig;
import org.wsgi.api.config.WsgiConfiguration;
import org.wsgi.api.exec.ScriptTarget;

/**
 * One configuration snapshot compiled for routing. Immutable and thread-safe: everything a request needs is
 * computed here once, and {@link #route} only reads it.
 */
public final class RoutingTable {

    private record Server(ServerConfig config, String name, String documentRoot, List<CompiledMount> mounts,
            SectionMatcher sections, DirectorySettings settings) {
    }

    private final WsgiConfiguration configuration;
    private final Server main;
    private final Map<ServerConfig, Server> hosts = new LinkedHashMap<>();
    private final VirtualHosts virtualHosts;
    private final ScriptResolver resolver;
    private final UnaryOperator<String> processEnv;

    /**
     * @param defaultServerName the name used when no {@code ServerName} was configured (Apache: the host name)
     * @param probe the file system
     * @param processEnv the process environment, for {@code %{ENV:x}} fallbacks
     */
    public RoutingTable(WsgiConfiguration configuration, String defaultServerName, FileProbe probe,
            UnaryOperator<String> processEnv) {
        this.configuration = configuration;
        this.resolver = new ScriptResolver(probe);
        this.processEnv = processEnv;
        ServerConfig m = configuration.main();
        String mainName = m.serverName() != null ? m.serverName() : defaultServerName;
        String mainRoot = m.documentRoot() != null ? m.documentRoot() : configuration.serverRoot() + "/htdocs";
        this.main = new Server(m, mainName, mainRoot, compile(m.mounts(), List.of()),
                new SectionMatcher(m.sections()), m.settings());
        for (ServerConfig v : configuration.virtualHosts()) {
            List<org.wsgi.api.config.Section> sections = new ArrayList<>(m.sections());
            sections.addAll(v.sections());
            hosts.put(v, new Server(v, v.serverName() != null ? v.serverName() : mainName,
                    v.documentRoot() != null ? v.documentRoot() : mainRoot, compile(v.mounts(), m.mounts()),
                    new SectionMatcher(sections), m.settings().merge(v.settings())));
        }
        this.virtualHosts = new VirtualHosts(configuration.virtualHosts());
    }

    /** mod_wsgi's server merge: a virtual host's aliases first, then the main server's. */
    private static List<CompiledMount> compile(List<ScriptMount> own, List<ScriptMount> inherited) {
        List<CompiledMount> all = new ArrayList<>();
        own.forEach(x -> all.add(CompiledMount.of(x)));
        inherited.forEach(x -> all.add(CompiledMount.of(x)));
        return List.copyOf(all);
    }

    public WsgiConfiguration configuration() {
        return configuration;
    }

    /** Routes a request under this snapshot. */
    public Route route(RouteRequest request) {
        long gen = configuration.generation();
        String uri;
        try {
            uri = UriPath.decode(request.rawPath());
        } catch (UriPath.BadPathException e) {
            return Route.error(e.status(), e.getMessage(), gen);
        }
        HostHeader host = HostHeader.parse(request.host());
        ServerConfig chosen = virtualHosts.select(host.name());
        Server server = chosen == null ? main : hosts.get(chosen);
        int port = host.port() > 0 ? host.port() : request.localPort();
        for (CompiledMount cm : server.mounts) {
            String filename = cm.map(uri);
            if (filename != null) {
                return wsgi(request, uri, server, host, port, cm.mount(), filename);
            }
        }
        return Route.error(404, "File does not exist: " + uri, gen);
    }

    private Route wsgi(RouteRequest request, String uri, Server server, HostHeader host, int port, ScriptMount mount,
            String filename) {
        long gen = configuration.generation();
        ScriptResolver.Resolution r = resolver.resolve(filename);
        if (!r.found()) {
            return Route.error(r.status(), r.message(), gen);
        }
        String pathInfo = UriPath.collapseSlashes(r.pathInfo());
        String scriptUri = uri.endsWith(r.pathInfo()) ? uri.substring(0, uri.length() - r.pathInfo().length()) : uri;
        String scriptName = UriPath.collapseSlashes(scriptUri);
        DirectorySettings s = server.sections.merge(server.settings, r.script(), uri);
        Map<String, String> env = environment(s);
        GroupNames.Context ctx = new GroupNames.Context(server.name, host.name(), port, scriptName, env, processEnv);
        String app = GroupNames.expand(first(mount.applicationGroup(), s.applicationGroup(), "%{RESOURCE}"), ctx);
        String proc = GroupNames.expand(first(mount.processGroup(), s.processGroup(), "%{GLOBAL}"), ctx);
        if (!proc.isEmpty()) {
            String refusal = checkProcessGroup(proc, server, s);
            if (refusal != null) {
                return Route.error(500, refusal, gen);
            }
        }
        ScriptTarget target = new ScriptTarget(java.nio.file.Path.of(r.script()), app,
                first(mount.callableObject(), s.callableObject(), ScriptTarget.DEFAULT_CALLABLE),
                first(s.scriptReloading(), Boolean.TRUE));
        return new Route(Route.Outcome.WSGI, 200, "matched " + mount.location() + " " + mount.urlPath(), target,
                scriptName, pathInfo, proc, host.name() != null ? host.name() : server.name, server.documentRoot, env,
                first(mount.passAuthorization(), s.passAuthorization(), Boolean.FALSE),
                first(s.chunkedRequest(), Boolean.FALSE), first(s.limitRequestBody(), 0L), gen);
    }

    private String checkProcessGroup(String proc, Server server, DirectorySettings s) {
        DaemonProcess d = configuration.daemon(proc).orElse(null);
        if (d == null) {
            return "No WSGI daemon process called '" + proc + "' has been configured";
        }
        boolean sameHost = d.serverName() == null || d.serverName().equalsIgnoreCase(server.name);
        boolean allowed = s.restrictProcess() == null || s.restrictProcess().contains(proc);
        if (!sameHost || !allowed) {
            return "Daemon process called '" + proc + "' cannot be accessed by this WSGI application"
                    + (allowed ? "" : " as not a member of allowed groups");
        }
        return null;
    }

    private static Map<String, String> environment(DirectorySettings s) {
        if (s.env().isEmpty()) {
            return Map.of();
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvAction a : s.env()) {
            if (a.unset()) {
                env.remove(a.name());
            } else {
                env.put(a.name(), a.value());
            }
        }
        return env;
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
