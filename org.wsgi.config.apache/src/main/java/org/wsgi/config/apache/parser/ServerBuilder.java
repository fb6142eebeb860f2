package org.wsgi.config.apache.parser;

import java.util.ArrayList;
import java.util.List;

import org.wsgi.api.config.ScriptMount;
import org.wsgi.api.config.ServerConfig;
import org.wsgi.api.config.SourceLocation;

/** The main server or one {@code <VirtualHost>} while its directives are read. */
final class ServerBuilder {

    private final List<String> addresses;
    private final SourceLocation location;
    String serverName;
    int serverPort;
    final List<String> serverAliases = new ArrayList<>();
    String documentRoot;
    final List<ScriptMount> mounts = new ArrayList<>();
    final List<ScriptMount> aliases = new ArrayList<>();
    private final SettingsBuilder settings = new SettingsBuilder();
    private final List<SectionBuilder> sections = new ArrayList<>();

    /** @param addresses the {@code <VirtualHost>} addresses, empty for the main server */
    ServerBuilder(List<String> addresses, SourceLocation location) {
        this.addresses = List.copyOf(addresses);
        this.location = location;
    }

    boolean virtual() {
        return !addresses.isEmpty();
    }

    SettingsBuilder settings() {
        return settings;
    }

    /** Adds a section in the order it was opened. */
    void addSection(SectionBuilder section) {
        sections.add(section);
    }

    ServerConfig build() {
        return new ServerConfig(serverName, serverPort, serverAliases, addresses, documentRoot, mounts, aliases,
                settings.build(), sections.stream().map(SectionBuilder::build).toList(), location);
    }
}
