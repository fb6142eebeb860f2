package org.wsgi.router.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsgi.api.Route;
import org.wsgi.api.RouteRequest;
import org.wsgi.api.WsgiRouter;
import org.wsgi.api.config.AccessFileParser;
import org.wsgi.api.config.ConfigurationListener;
import org.wsgi.api.config.DirectorySettings;
import org.wsgi.api.config.ServerConfig;
import org.wsgi.api.config.SourceLocation;
import org.wsgi.api.config.WsgiConfiguration;
import org.wsgi.api.exec.InterpreterProvider;
import org.wsgi.api.exec.WsgiException;
import org.wsgi.router.match.AccessFiles;
import org.wsgi.router.match.FileProbe;
import org.wsgi.router.match.HookRunner;
import org.wsgi.router.match.RoutingTable;

/**
 * The router: compiles each configuration snapshot into a {@link RoutingTable} and swaps it in atomically. A
 * request reads the table reference once, so it completes on the snapshot it started with.
 */
// Ranked above the other configuration listeners: a snapshot is routed before the group lifecycle sees it.
@Component(service = { WsgiRouter.class, ConfigurationListener.class, RouterComponent.class },
        property = "service.ranking:Integer=100")
public class RouterComponent implements WsgiRouter, ConfigurationListener {

    private static final Logger LOG = LoggerFactory.getLogger(RouterComponent.class);

    private final String defaultServerName = hostName();
    private volatile RoutingTable table = new RoutingTable(empty(), defaultServerName, FileProbe.FILE_SYSTEM,
            System::getenv);
    /** Written only under {@code this}, with the table built from it. */
    private AccessFiles accessFiles = AccessFiles.NONE;
    private volatile InterpreterProvider interpreters;
    /** mod_wsgi's access and authentication scripts, run by whichever interpreter provider is bound at the time. */
    private final HookRunner hooks = (hook, function, environ, args) -> {
        InterpreterProvider p = interpreters;
        if (p == null) {
            throw new WsgiException(503, "No interpreter provider is available to run " + hook.script());
        }
        return p.callHook(hook, function, environ, args);
    };

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindInterpreters(InterpreterProvider p) {
        interpreters = p;
    }

    void unbindInterpreters(InterpreterProvider p) {
        if (interpreters == p) {
            interpreters = null;
        }
    }

    /** The configuration bundle's {@code .htaccess} reader; without it access files are ignored. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    synchronized void bindAccessFileParser(AccessFileParser parser) {
        accessFiles = new AccessFiles(parser);
        table = compile(table.configuration());
    }

    synchronized void unbindAccessFileParser(AccessFileParser parser) {
        accessFiles = AccessFiles.NONE;
        table = compile(table.configuration());
    }

    private RoutingTable compile(WsgiConfiguration configuration) {
        return new RoutingTable(configuration, defaultServerName, FileProbe.FILE_SYSTEM, System::getenv,
                accessFiles, hooks);
    }

    @Override
    public Route route(RouteRequest request) {
        return table.route(request);
    }

    @Override
    public void configurationChanged(WsgiConfiguration configuration) {
        synchronized (this) {
            accessFiles.forget();
            table = compile(configuration);
        }
        LOG.info("Configuration generation {} is live: {} mount(s), {} virtual host(s)", configuration.generation(),
                configuration.main().mounts().size(), configuration.virtualHosts().size());
    }

    /** The snapshot currently routed with. */
    public WsgiConfiguration configuration() {
        return table.configuration();
    }

    /** The name Apache uses when no ServerName is configured: this machine's host name. */
    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static WsgiConfiguration empty() {
        ServerConfig main = new ServerConfig(null, 0, List.of(), List.of(), null, List.of(), List.of(),
                DirectorySettings.EMPTY, List.of(), new SourceLocation("<none>", 0));
        return new WsgiConfiguration(0, ".", List.of(), main, List.of(), List.of(), List.of());
    }
}
