package org.wsgi.daemon.internal;

import java.util.stream.Collectors;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.wsgi.api.exec.ProcessGroupManager;
import org.wsgi.api.runtime.ProcessGroupDTO;

/** Gogo commands for daemon process groups: {@code wsgi:groups}, {@code wsgi:restart}. */
@Component(service = GroupCommands.class, property = { "osgi.command.scope=wsgi", "osgi.command.function=groups",
        "osgi.command.function=restart" })
public class GroupCommands {

    private final ProcessGroupManager manager;

    @org.osgi.service.component.annotations.Activate
    public GroupCommands(@Reference ProcessGroupManager manager) {
        this.manager = manager;
    }

    @Descriptor("list the configured daemon process groups")
    public String groups() {
        if (manager.processGroups().isEmpty()) {
            return "no WSGIDaemonProcess groups are configured";
        }
        return manager.processGroups().stream().map(GroupCommands::line).collect(Collectors.joining("\n"));
    }

    @Descriptor("restart every process of a daemon process group")
    public String restart(@Descriptor("the group name") String group) {
        if (!manager.restart(group)) {
            return "no group called '" + group + "'";
        }
        return "group '" + group + "' is configured, but daemon processes are not supported yet: nothing restarted";
    }

    private static String line(ProcessGroupDTO g) {
        return String.format("%-24s %-8s processes=%d threads=%d  (%s)", g.name, g.state, g.processes, g.threads,
                g.source);
    }
}
