package org.wsgi.config.apache.parser;

import java.util.List;
import java.util.Objects;

import org.wsgi.api.config.ScriptMount;
import org.wsgi.api.config.ServerConfig;

/**
 * What one top-level file (with everything it includes) contributes to the configuration.
 *
 * @param main the main-server directives written outside any {@code <VirtualHost>}; its location is the file
 * @param virtualHosts its {@code <VirtualHost>} contexts in order
 * @param daemons its {@code WSGIDaemonProcess} definitions in order
 * @param importScripts its {@code WSGIImportScript}s, as mounts with an empty URL path
 * @param groupReferences daemon groups it uses that must have been defined by an earlier file
 */
public record ConfFragment(ServerConfig main, List<ServerConfig> virtualHosts, List<DaemonDefinition> daemons,
        List<ScriptMount> importScripts, List<GroupReference> groupReferences) {

    public ConfFragment {
        Objects.requireNonNull(main, "main");
        virtualHosts = List.copyOf(virtualHosts);
        daemons = List.copyOf(daemons);
        importScripts = List.copyOf(importScripts);
        groupReferences = List.copyOf(groupReferences);
    }
}
