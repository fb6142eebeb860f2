package org.wsgi.router.match;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Expands the values of {@code WSGIApplicationGroup} / {@code WSGIProcessGroup} and their {@code -group=} options
 * per request, as mod_wsgi does: {@code %{GLOBAL}} is the empty name, {@code %{SERVER}} the virtual host's
 * ServerName with {@code :port} unless the port is 80 or 443, {@code %{RESOURCE}} that plus {@code |} and the
 * SCRIPT_NAME, {@code %{HOST}} the request's host name with the same port rule, {@code %{ENV:name}} a request
 * variable (SetEnv, rewrite {@code E=}) or else the process environment; an unset variable leaves the
 * expression as written, as mod_wsgi does.
 */
public final class GroupNames {

    /** The request facts an expansion can use. */
    public record Context(String serverName, String hostName, int port, String scriptName, Map<String, String> env,
            UnaryOperator<String> processEnv) {
    }

    private GroupNames() {
    }

    /** {@code name[:port]} with mod_wsgi's rule of leaving out the standard ports. */
    public static String server(String name, int port) {
        return port == 80 || port == 443 || port <= 0 ? name : name + ":" + port;
    }

    /** Expands one group value; {@code null} is returned unchanged (meaning "not configured"). */
    public static String expand(String value, Context c) {
        if (value == null || !value.startsWith("%{")) {
            return value;
        }
        switch (value) {
            case "%{GLOBAL}":
                return "";
            case "%{SERVER}":
                return server(c.serverName(), c.port());
            case "%{RESOURCE}":
                return server(c.serverName(), c.port()) + "|" + c.scriptName();
            case "%{HOST}":
                return server(c.hostName() != null ? c.hostName() : c.serverName(), c.port());
            default:
                break;
        }
        if (value.startsWith("%{ENV:") && value.endsWith("}")) {
            String name = value.substring(6, value.length() - 1);
            String v = c.env().get(name);
            if (v == null) {
                v = c.processEnv().apply(name);
            }
            if (v == null) {
                return value;
            }
            return v.startsWith("%{") && !v.startsWith("%{ENV:") ? expand(v, c) : v;
        }
        return value;
    }
}
