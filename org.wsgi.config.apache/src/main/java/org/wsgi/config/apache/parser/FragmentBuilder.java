package org.wsgi.config.apache.parser;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.wsgi.api.config.DaemonProcess;
import org.wsgi.api.config.ScriptMount;
import org.wsgi.api.config.SourceLocation;

/** Collects what one top-level file contributes while it and its includes are read. */
final class FragmentBuilder {

    /** A daemon group as defined so far; its server name is read when the file is complete. */
    record DaemonDraft(String name, Map<String, String> options, ServerBuilder owner, SourceLocation location) {
    }

    private final Path serverRoot;
    private final ServerBuilder main;
    private final List<ServerBuilder> virtualHosts = new ArrayList<>();
    private final Map<String, DaemonDraft> daemons = new LinkedHashMap<>();
    private final List<ScriptMount> importScripts = new ArrayList<>();
    private final List<GroupReference> groupReferences = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();
    private final ConfVariables variables;

    FragmentBuilder(Path serverRoot, SourceLocation fileLocation, ConfVariables variables) {
        this.serverRoot = serverRoot;
        this.main = new ServerBuilder(List.of(), fileLocation);
        this.variables = variables;
    }

    /** {@code Define}d names and values as they stand at this point of the reading. */
    ConfVariables variables() {
        return variables;
    }

    ServerBuilder main() {
        return main;
    }

    ServerBuilder addVirtualHost(List<String> addresses, SourceLocation location) {
        ServerBuilder vhost = new ServerBuilder(addresses, location);
        virtualHosts.add(vhost);
        return vhost;
    }

    Optional<DaemonDraft> daemon(String name) {
        return Optional.ofNullable(daemons.get(name));
    }

    void addDaemon(DaemonDraft daemon) {
        daemons.put(daemon.name(), daemon);
    }

    void addImportScript(ScriptMount script) {
        importScripts.add(script);
    }

    void addGroupReference(GroupReference reference) {
        groupReferences.add(reference);
    }

    void notice(String line) {
        notices.add(line);
    }

    List<String> notices() {
        return notices;
    }

    /** {@code path} as written if absolute, else relative to the server root, keeping a trailing slash. */
    String resolve(String path) {
        if (path.startsWith("/")) {
            return path;
        }
        try {
            if (Path.of(path).isAbsolute()) {
                return path;
            }
        } catch (InvalidPathException e) {
            return path;
        }
        String root = serverRoot.toString();
        return root.endsWith("/") ? root + path : root + "/" + path;
    }

    ConfFragment build() {
        List<DaemonDefinition> defined = daemons.values().stream()
                .map(d -> new DaemonDefinition(new DaemonProcess(d.name(), d.options(),
                        d.owner() == null ? null : d.owner().serverName, d.location()), d.owner() != null))
                .toList();
        return new ConfFragment(main.build(), virtualHosts.stream().map(ServerBuilder::build).toList(), defined,
                importScripts, groupReferences);
    }
}
