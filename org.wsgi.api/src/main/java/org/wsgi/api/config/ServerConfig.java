package org.wsgi.api.config;

import java.util.List;

/**
 * The main server or one {@code <VirtualHost>}.
 *
 * @param serverName {@code ServerName} without a port, or {@code null} to inherit the main server's
 * @param serverPort the port part of {@code ServerName}, or 0 when none was written
 * @param serverAliases {@code ServerAlias} names (may contain wildcards)
 * @param addresses the {@code <VirtualHost>} addresses as written; empty for the main server
 * @param documentRoot {@code DocumentRoot}, or {@code null} to inherit
 * @param mounts the script mounts in the order written
 * @param aliases {@code Alias}/{@code AliasMatch} in the order written, as script mounts with no options
 * @param settings the directives written directly in this server context
 * @param sections its sections in the order written
 * @param location where the server context starts ({@code <VirtualHost>} line; first file for the main server)
 */
public record ServerConfig(String serverName, int serverPort, List<String> serverAliases, List<String> addresses,
        String documentRoot, List<ScriptMount> mounts, List<ScriptMount> aliases, DirectorySettings settings,
        List<Section> sections, SourceLocation location) {

    public ServerConfig {
        serverAliases = List.copyOf(serverAliases);
        addresses = List.copyOf(addresses);
        mounts = List.copyOf(mounts);
        aliases = List.copyOf(aliases);
        sections = List.copyOf(sections);
    }

    /** {@code true} for a {@code <VirtualHost>}. */
    public boolean virtualHost() {
        return !addresses.isEmpty();
    }
}
