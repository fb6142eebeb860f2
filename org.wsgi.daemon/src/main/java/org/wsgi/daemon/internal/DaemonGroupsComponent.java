package org.wsgi.daemon.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsgi.api.config.ConfigurationListener;
import org.wsgi.api.config.DaemonProcess;
import org.wsgi.api.config.WsgiConfiguration;
import org.wsgi.api.exec.ProcessGroupManager;
import org.wsgi.api.exec.ScriptTarget;
import org.wsgi.api.exec.WsgiException;
import org.wsgi.api.exec.WsgiExchange;
import org.wsgi.api.runtime.ProcessGroupDTO;

/**
 * Knows the configured {@code WSGIDaemonProcess} groups. Supervised daemon processes are not implemented yet: a
 * request delegated to a group is answered 503 with a log line that says so, never run embedded by surprise.
 */
@Component(service = { ProcessGroupManager.class, ConfigurationListener.class })
public class DaemonGroupsComponent implements ProcessGroupManager, ConfigurationListener {

    private static final Logger LOG = LoggerFactory.getLogger(DaemonGroupsComponent.class);

    private volatile List<DaemonProcess> groups = List.of();

    @Override
    public void configurationChanged(WsgiConfiguration configuration) {
        groups = configuration.daemons();
    }

    @Override
    public void execute(String processGroup, ScriptTarget target, WsgiExchange exchange) throws WsgiException {
        boolean known = groups.stream().anyMatch(d -> d.name().equals(processGroup));
        if (!known) {
            throw new WsgiException(500, "No WSGI daemon process called '" + processGroup + "' has been configured");
        }
        throw new WsgiException(503, "Daemon process group '" + processGroup
                + "' is configured but daemon processes are not supported by this build yet; script '"
                + target.script() + "' was not run");
    }

    @Override
    public boolean restart(String processGroup) {
        LOG.warn("Cannot restart daemon process group '{}': daemon processes are not supported yet", processGroup);
        return groups.stream().anyMatch(d -> d.name().equals(processGroup));
    }

    @Override
    public List<ProcessGroupDTO> processGroups() {
        return groups.stream().map(DaemonGroupsComponent::dto).toList();
    }

    private static ProcessGroupDTO dto(DaemonProcess d) {
        ProcessGroupDTO dto = new ProcessGroupDTO();
        dto.name = d.name();
        dto.source = d.location().toString();
        dto.processes = d.processes();
        dto.threads = d.threads();
        dto.state = "STOPPED";
        dto.pids = new long[0];
        return dto;
    }
}
