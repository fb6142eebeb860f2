package org.wsgi.router.match;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.wsgi.api.config.ServerConfig;

/**
 * Name-based virtual host selection on the runtime's one port: the first {@code <VirtualHost>} whose ServerName or
 * a ServerAlias matches the Host header; else the first virtual host (Apache's default for the address); with no
 * virtual hosts, the main server.
 */
final class VirtualHosts {

    private record Candidate(ServerConfig server, String name, List<Pattern> aliases) {
    }

    private final List<Candidate> candidates;

    VirtualHosts(List<ServerConfig> hosts) {
        this.candidates = hosts.stream()
                .map(h -> new Candidate(h, h.serverName() == null ? null : h.serverName().toLowerCase(Locale.ROOT),
                        h.serverAliases().stream().map(VirtualHosts::wildcard).toList()))
                .toList();
    }

    /** The chosen virtual host, or {@code null} when there are none and the main server answers. */
    ServerConfig select(String hostName) {
        if (candidates.isEmpty()) {
            return null;
        }
        if (hostName != null) {
            for (Candidate c : candidates) {
                if (hostName.equals(c.name)) {
                    return c.server;
                }
                for (Pattern p : c.aliases) {
                    if (p.matcher(hostName).matches()) {
                        return c.server;
                    }
                }
            }
        }
        return candidates.get(0).server;
    }

    private static Pattern wildcard(String alias) {
        StringBuilder b = new StringBuilder();
        for (char ch : alias.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (ch) {
                case '*' -> b.append(".*");
                case '?' -> b.append('.');
                default -> b.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(b.toString());
    }
}
