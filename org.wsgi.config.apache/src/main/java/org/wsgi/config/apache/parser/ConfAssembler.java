package org.wsgi.config.apache.parser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wsgi.api.config.ConfigError;
import org.wsgi.api.config.ConfigFile;
import org.wsgi.api.config.DaemonProcess;
import org.wsgi.api.config.DirectorySettings;
import org.wsgi.api.config.ScriptMount;
import org.wsgi.api.config.Section;
import org.wsgi.api.config.ServerConfig;
import org.wsgi.api.config.SourceLocation;
import org.wsgi.api.config.WsgiConfiguration;

/**
 * Merges parsed files into one snapshot, as if a base configuration included them in name order, and applies
 * the rules that span files: daemon group names are unique, and a group used while reading (a pre-loading
 * {@code WSGIScriptAlias}, a {@code WSGIImportScript}) is defined by an earlier file and accessible from the
 * using context.
 */
public final class ConfAssembler {

    private ConfAssembler() {
    }

    /**
     * @param filesInNameOrder the files to merge; a file without a fragment (rejected) contributes nothing
     * @param fileStates the states to report in {@link WsgiConfiguration#files()}
     */
    public static Assembly assemble(long generation, Path serverRoot, List<ParsedFile> filesInNameOrder,
            List<ConfigFile> fileStates) {
        Map<Path, List<ConfigError>> errors = new LinkedHashMap<>();
        Map<String, DaemonDefinition> daemons = new LinkedHashMap<>();
        MainServer main = new MainServer();
        List<ServerConfig> virtualHosts = new ArrayList<>();
        List<ScriptMount> importScripts = new ArrayList<>();
        for (ParsedFile file : filesInNameOrder) {
            ConfFragment fragment = file.fragment();
            if (fragment == null) {
                continue;
            }
            List<ConfigError> fileErrors = new ArrayList<>();
            for (GroupReference ref : fragment.groupReferences()) {
                DaemonDefinition group = daemons.get(ref.group());
                String user = ref.serverName() != null || ref.virtualHost() ? ref.serverName() : main.serverName;
                String error = group == null ? GroupAccess.NOT_CONFIGURED
                        : GroupAccess.check(group.virtualHost(), group.process().serverName(), user);
                if (error != null) {
                    fileErrors.add(new ConfigError(ref.location(), ref.directive(), ref.directive() + ": " + error));
                }
            }
            for (DaemonDefinition daemon : fragment.daemons()) {
                if (daemons.putIfAbsent(daemon.name(), daemon) != null) {
                    fileErrors.add(new ConfigError(daemon.process().location(), "WSGIDaemonProcess",
                            "WSGIDaemonProcess: Name duplicates previous WSGI daemon definition."));
                }
            }
            if (!fileErrors.isEmpty()) {
                errors.put(file.file(), fileErrors);
            }
            main.add(fragment.main());
            virtualHosts.addAll(fragment.virtualHosts());
            importScripts.addAll(fragment.importScripts());
        }
        if (!errors.isEmpty()) {
            return new Assembly(null, errors);
        }
        ServerConfig server = main.build(serverRoot);
        List<DaemonProcess> processes = daemons.values().stream().map(d -> inherit(d, server.serverName())).toList();
        return new Assembly(new WsgiConfiguration(generation, serverRoot.toString(), fileStates, server,
                virtualHosts, processes, importScripts), Map.of());
    }

    /** A group of a virtual host without {@code ServerName} belongs to the main server's name, as in Apache. */
    private static DaemonProcess inherit(DaemonDefinition daemon, String mainName) {
        DaemonProcess p = daemon.process();
        if (!daemon.virtualHost() || p.serverName() != null || mainName == null) {
            return p;
        }
        return new DaemonProcess(p.name(), p.options(), mainName, p.location());
    }

    /** The main server written across files: later single values win, lists append. */
    private static final class MainServer {
        private String serverName;
        private int serverPort;
        private String documentRoot;
        private final List<ScriptMount> mounts = new ArrayList<>();
        private final List<ScriptMount> aliases = new ArrayList<>();
        private final List<Section> sections = new ArrayList<>();
        private DirectorySettings settings = DirectorySettings.EMPTY;
        private SourceLocation location;

        void add(ServerConfig part) {
            if (part.serverName() != null) {
                serverName = part.serverName();
                serverPort = part.serverPort();
            }
            if (part.documentRoot() != null) {
                documentRoot = part.documentRoot();
            }
            mounts.addAll(part.mounts());
            aliases.addAll(part.aliases());
            sections.addAll(part.sections());
            settings = SettingsBuilder.append(settings, part.settings());
            if (location == null) {
                location = part.location();
            }
        }

        ServerConfig build(Path serverRoot) {
            SourceLocation where = location != null ? location : new SourceLocation(serverRoot.toString(), 0);
            return new ServerConfig(serverName, serverPort, List.of(), List.of(), documentRoot, mounts, aliases,
                    settings, sections, where);
        }
    }
}
