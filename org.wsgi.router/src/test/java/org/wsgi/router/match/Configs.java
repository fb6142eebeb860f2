package org.wsgi.router.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.wsgi.api.config.DaemonProcess;
import org.wsgi.api.config.DirectorySettings;
import org.wsgi.api.config.ScriptMount;
import org.wsgi.api.config.Section;
import org.wsgi.api.config.ServerConfig;
import org.wsgi.api.config.SourceLocation;
import org.wsgi.api.config.WsgiConfiguration;

/** Builds configuration snapshots by hand for router tests. */
final class Configs {

    static final SourceLocation HERE = new SourceLocation("test.conf", 1);

    private final List<ScriptMount> mounts = new ArrayList<>();
    private final List<ServerConfig> hosts = new ArrayList<>();
    private final List<DaemonProcess> daemons = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private DirectorySettings settings = DirectorySettings.EMPTY;
    private String serverName = "localhost";

    static ScriptMount alias(String url, String target) {
        return new ScriptMount(ScriptMount.Kind.PREFIX, url, target, null, null, null, null, HERE);
    }

    static ScriptMount match(String regex, String target) {
        return new ScriptMount(ScriptMount.Kind.MATCH, regex, target, null, null, null, null, HERE);
    }

    static DirectorySettings groups(String app, String proc) {
        return new DirectorySettings(app, proc, null, null, null, null, null, List.of(), null, null, Map.of(),
                List.of(), null, Map.of());
    }

    Configs mount(ScriptMount m) {
        mounts.add(m);
        return this;
    }

    Configs settings(DirectorySettings s) {
        settings = s;
        return this;
    }

    Configs section(Section.Type type, String pattern, DirectorySettings s) {
        sections.add(new Section(type, pattern, false, s, HERE));
        return this;
    }

    Configs daemon(String name, String vhostName) {
        daemons.add(new DaemonProcess(name, Map.of(), vhostName, HERE));
        return this;
    }

    Configs serverName(String name) {
        serverName = name;
        return this;
    }

    Configs vhost(String name, List<ScriptMount> vhostMounts, DirectorySettings s) {
        hosts.add(new ServerConfig(name, 0, List.of(), List.of("*:80"), null, vhostMounts, List.of(), s, List.of(),
                HERE));
        return this;
    }

    WsgiConfiguration build() {
        ServerConfig main = new ServerConfig(serverName, 0, List.of(), List.of(), null, mounts, List.of(), settings,
                sections, HERE);
        return new WsgiConfiguration(1, "/srv", List.of(), main, hosts, daemons, List.of());
    }

    RoutingTable table(FakeFiles files) {
        return new RoutingTable(build(), "machine", files, name -> null);
    }

    /** A table from configuration text, parsed as the deploy folder would (relative paths against {@code root}). */
    static RoutingTable parsed(java.nio.file.Path root, String conf, HookRunner hooks) throws java.io.IOException {
        java.nio.file.Path file = root.resolve("case.conf");
        java.nio.file.Files.writeString(file, conf);
        org.wsgi.config.apache.parser.ConfParser parser = new org.wsgi.config.apache.parser.ConfParser(root);
        var parsed = parser.parse(file, java.nio.file.Files.readAllBytes(file));
        if (!parsed.errors().isEmpty()) {
            throw new IllegalArgumentException(parsed.errors().toString());
        }
        var assembly = org.wsgi.config.apache.parser.ConfAssembler.assemble(1, root, List.of(parsed), List.of());
        return new RoutingTable(assembly.configuration(), "machine", FileProbe.FILE_SYSTEM, v -> null,
                AccessFiles.NONE, hooks);
    }
}
