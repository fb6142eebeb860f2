package org.wsgi.router.internal;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.wsgi.api.Route;
import org.wsgi.api.RouteRequest;
import org.wsgi.api.WsgiRouter;
import org.wsgi.api.WsgiRuntime;
import org.wsgi.api.runtime.MountDTO;

/** Gogo commands over the router: {@code wsgi:route} (what a URL maps to and why) and {@code wsgi:mounts}. */
@Component(service = RouterCommands.class, property = { "osgi.command.scope=wsgi", "osgi.command.function=route",
        "osgi.command.function=mounts" })
public class RouterCommands {

    private final WsgiRouter router;
    private final WsgiRuntime runtime;

    @Activate
    public RouterCommands(@Reference WsgiRouter router, @Reference WsgiRuntime runtime) {
        this.router = router;
        this.runtime = runtime;
    }

    @Descriptor("show what a URL maps to and why")
    public String route(@Descriptor("the URL path, e.g. /app/x?y=1") String url) {
        return route(url, "localhost");
    }

    @Descriptor("show what a URL maps to for a Host header, and why")
    public String route(@Descriptor("the URL path") String url, @Descriptor("the Host header") String host) {
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        String query = q < 0 ? null : url.substring(q + 1);
        int port = host.contains(":") ? Integer.parseInt(host.substring(host.lastIndexOf(':') + 1)) : 80;
        Route r = router.route(new RouteRequest("GET", "http", host, port, path, query, "127.0.0.1", Map.of()));
        if (r.outcome() != Route.Outcome.WSGI) {
            return r.status() + " " + r.reason();
        }
        return String.join("\n",
                "status             200 (" + r.reason() + ")",
                "script             " + r.target().script(),
                "SCRIPT_NAME        " + r.scriptName(),
                "PATH_INFO          " + r.pathInfo(),
                "application group  '" + r.target().applicationGroup() + "'",
                "process group      '" + r.processGroup() + "'" + (r.processGroup().isEmpty() ? " (embedded)" : ""),
                "callable           " + r.target().callableObject(),
                "environment        " + r.env(),
                "generation         " + r.generation());
    }

    @Descriptor("list the script mounts in matching order")
    public String mounts() {
        MountDTO[] mounts = runtime.getRuntimeDTO().mounts;
        if (mounts.length == 0) {
            return "no WSGIScriptAlias or WSGIScriptAliasMatch is configured";
        }
        return Stream.of(mounts).map(m -> String.format("%-20s %-8s %-24s %s%s%s  (%s)", m.directive,
                m.server.isEmpty() ? "*" : m.server, m.urlPath, m.target,
                m.processGroup == null ? "" : " process-group=" + m.processGroup,
                m.applicationGroup == null ? "" : " application-group=" + m.applicationGroup, m.source))
                .collect(Collectors.joining("\n"));
    }
}
