package org.wsgi.router.status;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.wsgi.api.runtime.ApplicationGroupDTO;
import org.wsgi.api.runtime.ConfigFileDTO;
import org.wsgi.api.runtime.MountDTO;
import org.wsgi.api.runtime.ProcessGroupDTO;
import org.wsgi.api.runtime.RuntimeDTO;

/**
 * The {@code server-status} handler's two forms, as mod_status offers them: an HTML page, and with {@code ?auto}
 * a {@code Key: value} text for machines. Both show the configuration generation, every applied file with its
 * SHA-256, every rejected file with its errors, the mounts and the groups. Pure: a DTO in, text out.
 */
public final class StatusPage {

    private StatusPage() {
    }

    /** The machine-readable form: one {@code Key: value} per line; repeated keys for lists. */
    public static String auto(RuntimeDTO d, String serverVersion, long uptimeSeconds) {
        StringBuilder b = new StringBuilder();
        line(b, "ServerVersion", serverVersion);
        line(b, "ServerUptimeSeconds", String.valueOf(uptimeSeconds));
        line(b, "ConfigGeneration", String.valueOf(d.generation));
        line(b, "ConfigRoot", d.serverRoot);
        for (ConfigFileDTO f : d.files) {
            if (f.applied) {
                line(b, "ConfigFile", f.path + " applied sha256=" + f.sha256);
            } else {
                line(b, "ConfigFile", f.path + " rejected sha256=" + f.sha256
                        + (f.appliedSha256 == null ? " serving=none" : " serving=" + f.appliedSha256));
                for (String e : f.errors) {
                    line(b, "ConfigError", e);
                }
            }
        }
        for (MountDTO m : d.mounts) {
            line(b, "Mount", m.directive + " " + (m.server.isEmpty() ? "*" : m.server) + " " + m.urlPath + " "
                    + m.target + " (" + m.source + ")");
        }
        for (ApplicationGroupDTO g : d.applicationGroups) {
            long requests = Arrays.stream(g.scripts).mapToLong(s -> s.requests).sum();
            line(b, "ApplicationGroup", "'" + g.name + "' scripts=" + g.scripts.length + " requests=" + requests);
        }
        for (ProcessGroupDTO p : d.processGroups) {
            line(b, "ProcessGroup", p.name + " " + p.state + " processes=" + p.processes + " threads=" + p.threads);
        }
        return b.toString();
    }

    /** The HTML page. */
    public static String html(RuntimeDTO d, String serverVersion, long uptimeSeconds) {
        StringBuilder b = new StringBuilder(2048);
        b.append("<!DOCTYPE html>\n<html><head><title>Server Status</title></head><body>\n")
                .append("<h1>Server Status for mod_wsgi on the JVM</h1>\n<dl><dt>Server Version: ")
                .append(esc(serverVersion)).append("</dt>\n<dt>Server uptime: ").append(uptimeSeconds)
                .append(" seconds</dt>\n<dt>Configuration generation: ").append(d.generation)
                .append("</dt>\n<dt>Watched folder: ").append(esc(d.serverRoot)).append("</dt></dl>\n");
        b.append("<h2>Configuration files</h2>\n<table border=\"1\"><tr><th>File</th><th>State</th>"
                + "<th>SHA-256</th><th>Errors</th></tr>\n");
        for (ConfigFileDTO f : d.files) {
            b.append("<tr><td>").append(esc(f.path)).append("</td><td>").append(f.applied ? "applied" : "rejected")
                    .append("</td><td><code>").append(esc(f.sha256)).append("</code></td><td>")
                    .append(Arrays.stream(f.errors).map(StatusPage::esc).collect(Collectors.joining("<br>")))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n<h2>Mounts</h2>\n<table border=\"1\"><tr><th>Directive</th><th>Server</th>"
                + "<th>URL</th><th>Target</th><th>Source</th></tr>\n");
        for (MountDTO m : d.mounts) {
            b.append("<tr><td>").append(m.directive).append("</td><td>").append(esc(m.server.isEmpty() ? "*" : m.server))
                    .append("</td><td>").append(esc(m.urlPath)).append("</td><td>").append(esc(m.target))
                    .append("</td><td>").append(esc(m.source)).append("</td></tr>\n");
        }
        b.append("</table>\n<h2>Application groups</h2>\n<ul>\n");
        for (ApplicationGroupDTO g : d.applicationGroups) {
            b.append("<li>'").append(esc(g.name)).append("': ").append(g.scripts.length).append(" script(s)</li>\n");
        }
        b.append("</ul>\n<h2>Daemon process groups</h2>\n<ul>\n");
        for (ProcessGroupDTO p : d.processGroups) {
            b.append("<li>").append(esc(p.name)).append(" ").append(p.state).append(" processes=").append(p.processes)
                    .append(" threads=").append(p.threads).append("</li>\n");
        }
        return b.append("</ul>\n</body></html>\n").toString();
    }

    private static void line(StringBuilder b, String key, String value) {
        b.append(key).append(": ").append(value == null ? "" : value.replace('\n', ' ')).append('\n');
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
