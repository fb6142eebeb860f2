package org.wsgi.interp.jython.internal;

import java.time.Instant;

import org.wsgi.api.runtime.ApplicationGroupDTO;
import org.wsgi.api.runtime.ScriptDTO;

/** Text forms of application group DTOs for the shell: one line per group, or the group with its scripts. */
final class GroupFormat {

    private GroupFormat() {
    }

    static String line(ApplicationGroupDTO group) {
        long requests = 0;
        long errors = 0;
        for (ScriptDTO s : group.scripts) {
            requests += s.requests;
            errors += s.errors;
        }
        return String.format("%-40s scripts=%d requests=%d errors=%d", name(group), group.scripts.length, requests,
                errors);
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
