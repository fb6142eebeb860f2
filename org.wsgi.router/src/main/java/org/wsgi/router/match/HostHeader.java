package org.wsgi.router.match;

/**
 * A request's {@code Host} header split into a lower-case name and a port (0 when none was sent).
 *
 * @param name the host name, or {@code null} when there was no usable header
 * @param port the port written in the header, or 0
 */
public record HostHeader(String name, int port) {

    /** Parses {@code host}, {@code host:port}, {@code [v6]} and {@code [v6]:port}; anything else gives no name. */
    public static HostHeader parse(String header) {
        if (header == null || header.isBlank()) {
            return new HostHeader(null, 0);
        }
        String h = header.trim();
        int portAt = -1;
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            if (close < 0) {
                return new HostHeader(null, 0);
            }
            portAt = h.indexOf(':', close) == close + 1 ? close + 1 : -1;
        } else {
            portAt = h.lastIndexOf(':');
        }
        String name = portAt < 0 ? h : h.substring(0, portAt);
        int port = 0;
        if (portAt >= 0) {
            try {
                port = Integer.parseInt(h.substring(portAt + 1));
            } catch (NumberFormatException e) {
                return new HostHeader(null, 0);
            }
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        return new HostHeader(name.toLowerCase(java.util.Locale.ROOT), port);
    }
}
