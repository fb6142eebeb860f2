package org.wsgi.api.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One immutable snapshot of the whole configuration: every applied file merged in name order, as if a base
 * configuration did {@code IncludeOptional <watched>/*.conf}.
 *
 * @param generation increases by one with every snapshot built by the same source
 * @param serverRoot the directory relative paths resolve against (the watched folder)
 * @param files every top-level file seen, applied or rejected, in name order
 * @param main the main server
 * @param virtualHosts the {@code <VirtualHost>} contexts in order; the first is the default for its address
 * @param daemons every {@code WSGIDaemonProcess}, global and per virtual host, in order
 * @param importScripts every {@code WSGIImportScript} as a mount whose urlPath is empty
 */
public record WsgiConfiguration(long generation, String serverRoot, List<ConfigFile> files, ServerConfig main,
        List<ServerConfig> virtualHosts, List<DaemonProcess> daemons, List<ScriptMount> importScripts) {

    public WsgiConfiguration {
        Objects.requireNonNull(main, "main");
        files = List.copyOf(files);
        virtualHosts = List.copyOf(virtualHosts);
        daemons = List.copyOf(daemons);
        importScripts = List.copyOf(importScripts);
    }

    /** The daemon process group of that name. */
    public Optional<DaemonProcess> daemon(String name) {
        return daemons.stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
