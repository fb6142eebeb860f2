package org.wsgi.router.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.wsgi.api.WsgiRuntime;
import org.wsgi.api.config.ConfigFile;
import org.wsgi.api.config.ScriptMount;
import org.wsgi.api.config.ServerConfig;
import org.wsgi.api.config.WsgiConfiguration;
import org.wsgi.api.exec.InterpreterProvider;
import org.wsgi.api.exec.ProcessGroupManager;
import org.wsgi.api.runtime.ApplicationGroupDTO;
import org.wsgi.api.runtime.ConfigFileDTO;
import org.wsgi.api.runtime.MountDTO;
import org.wsgi.api.runtime.ProcessGroupDTO;
import org.wsgi.api.runtime.RuntimeDTO;

/** Assembles the runtime view from the live snapshot, the interpreter provider and the daemon manager. */
@Component
public class RuntimeComponent implements WsgiRuntime {

    private final RouterComponent router;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile InterpreterProvider interpreters;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ProcessGroupManager daemons;

    @org.osgi.service.component.annotations.Activate
    public RuntimeComponent(@Reference RouterComponent router) {
        this.router = router;
    }

    @Override
    public RuntimeDTO getRuntimeDTO() {
        WsgiConfiguration c = router.configuration();
        RuntimeDTO dto = new RuntimeDTO();
        dto.generation = c.generation();
        dto.serverRoot = c.serverRoot();
        dto.files = c.files().stream().map(RuntimeComponent::file).toArray(ConfigFileDTO[]::new);
        List<MountDTO> mounts = new ArrayList<>();
        for (ServerConfig v : c.virtualHosts()) {
            v.mounts().forEach(m -> mounts.add(mount(v, m)));
        }
        c.main().mounts().forEach(m -> mounts.add(mount(c.main(), m)));
        dto.mounts = mounts.toArray(MountDTO[]::new);
        InterpreterProvider ip = interpreters;
        dto.applicationGroups = ip == null ? new ApplicationGroupDTO[0]
                : ip.applicationGroups().toArray(ApplicationGroupDTO[]::new);
        ProcessGroupManager pm = daemons;
        dto.processGroups = pm == null ? new ProcessGroupDTO[0] : pm.processGroups().toArray(ProcessGroupDTO[]::new);
        return dto;
    }

    private static ConfigFileDTO file(ConfigFile f) {
        ConfigFileDTO d = new ConfigFileDTO();
        d.path = f.path();
        d.sha256 = f.sha256();
        d.applied = f.applied();
        d.appliedSha256 = f.appliedSha256();
        d.errors = f.errors().stream().map(Object::toString).toArray(String[]::new);
        return d;
    }

    private static MountDTO mount(ServerConfig server, ScriptMount m) {
        MountDTO d = new MountDTO();
        d.directive = m.kind() == ScriptMount.Kind.PREFIX ? "WSGIScriptAlias" : "WSGIScriptAliasMatch";
        d.server = !server.virtualHost() || server.serverName() == null ? ""
                : server.serverName() + (server.serverPort() > 0 ? ":" + server.serverPort() : "");
        d.urlPath = m.urlPath();
        d.target = m.target();
        d.processGroup = m.processGroup();
        d.applicationGroup = m.applicationGroup();
        d.source = m.location().toString();
        return d;
    }
}
