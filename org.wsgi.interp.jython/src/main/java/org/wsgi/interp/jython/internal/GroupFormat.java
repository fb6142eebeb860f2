package org.wsgi.interp.jython.internal;

import java.time.Instant;

import org.wsgi.api.runtime.ApplicationGroupDTO;
import org.wsgi.api.runtime.ScriptDTO;

/** Text forms of application group DTOs for the shell: a group and a line per script, or all about them. */
final class GroupFormat {

    private GroupFormat() {
    }

    /** The group with its totals, then a line per script: its path, when it was loaded, its requests and errors. */
    static String line(ApplicationGroupDTO group) {
        long requests = 0;
        long errors = 0;
        StringBuilder scripts = new StringBuilder();
        for (ScriptDTO s : group.scripts) {
            requests += s.requests;
            errors += s.errors;
            scripts.append(String.format("%n  %s  loaded %s  requests=%d errors=%d", s.path,
                    s.loaded == 0 ? "-" : Instant.ofEpochMilli(s.loaded), s.requests, s.errors));
        }
        return String.format("%-40s scripts=%d requests=%d errors=%d", name(group), group.scripts.length, requests,
                errors) + scripts;
    }

    static String inspect(ApplicationGroupDTO group) {
        StringBuilder out = new StringBuilder();
        out.append("Application group ").append(name(group)).append(" (created ")
                .append(Instant.ofEpochMilli(group.created)).append(")\n");
        for (ScriptDTO s : group.scripts) {
            out.append("  ").append(s.path).append('\n')
                    .append("    module   ").append(s.module).append('\n')
                    .append("    loaded   ").append(s.loaded == 0 ? "-" : Instant.ofEpochMilli(s.loaded))
                    .append(" (mtime ").append(s.mtime == 0 ? "-" : Instant.ofEpochMilli(s.mtime)).append(")\n")
                    .append("    requests ").append(s.requests).append(", errors ").append(s.errors).append('\n');
            if (s.lastError != null) {
                out.append("    last error ").append(s.lastError).append('\n');
            }
        }
        return out.toString();
    }

    private static String name(ApplicationGroupDTO group) {
        return group.name.isEmpty() ? WsgiCommands.GLOBAL : "'" + group.name + "'";
    }
}
