package org.wsgi.router.lifecycle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.wsgi.api.config.ScriptMount;
import org.wsgi.api.config.ServerConfig;
import org.wsgi.api.config.WsgiConfiguration;
import org.wsgi.api.exec.ScriptTarget;

/**
 * What a configuration snapshot means for the embedded application groups: which scripts to pre-load (a
 * {@code WSGIScriptAlias} with both groups given literally, and {@code WSGIImportScript}, into the embedded
 * process group), and whether a loaded script is still reachable through any mount, so that groups none of whose
 * scripts is reachable can be torn down. Pure.
 */
public final class GroupPlan {

    private final List<ScriptTarget> preloads;
    private final List<Pattern> reachable;

    private GroupPlan(List<ScriptTarget> preloads, List<Pattern> reachable) {
        this.preloads = preloads;
        this.reachable = reachable;
    }

    public static GroupPlan of(WsgiConfiguration c) {
        List<ScriptTarget> preloads = new ArrayList<>();
        List<Pattern> reachable = new ArrayList<>();
        List<ServerConfig> servers = new ArrayList<>(c.virtualHosts());
        servers.add(c.main());
        for (ServerConfig s : servers) {
            for (ScriptMount m : s.mounts()) {
                reachable.add(reach(m.target(), m.kind() == ScriptMount.Kind.MATCH));
                if (m.preload() && embedded(m.processGroup())) {
                    preloads.add(target(m));
                }
            }
            for (ScriptMount a : s.aliases()) {
                reachable.add(reach(a.target(), a.kind() == ScriptMount.Kind.MATCH));
            }
            if (s.documentRoot() != null) {
                reachable.add(reach(s.documentRoot().endsWith("/") ? s.documentRoot() : s.documentRoot() + "/",
                        false));
            }
        }
        reachable.add(reach(c.serverRoot() + "/htdocs/", false));
        for (ScriptMount i : c.importScripts()) {
            if (embedded(i.processGroup())) {
                preloads.add(target(i));
            }
        }
        return new GroupPlan(List.copyOf(preloads), List.copyOf(reachable));
    }

    /** The scripts to load into the embedded interpreter as soon as this snapshot is live. */
    public List<ScriptTarget> preloads() {
        return preloads;
    }

    /** Whether some mount, alias or document root can still reach the script. */
    public boolean reachable(Path script) {
        String p = script.toString();
        return reachable.stream().anyMatch(r -> r.matcher(p).matches());
    }

    /** Of the given groups, those that keep at least one reachable script (and every group with no script yet). */
    public Set<String> retained(List<org.wsgi.api.runtime.ApplicationGroupDTO> groups) {
        Set<String> keep = new LinkedHashSet<>();
        for (var g : groups) {
            if (g.scripts.length == 0 || java.util.Arrays.stream(g.scripts).anyMatch(s -> reachable(Path.of(s.path)))) {
                keep.add(g.name);
            }
        }
        return keep;
    }

    private static boolean embedded(String processGroup) {
        return processGroup == null || processGroup.isEmpty() || processGroup.equals("%{GLOBAL}");
    }

    private static ScriptTarget target(ScriptMount m) {
        String group = m.applicationGroup() == null || m.applicationGroup().equals("%{GLOBAL}") ? ""
                : m.applicationGroup();
        return new ScriptTarget(Path.of(m.target()), group,
                m.callableObject() != null ? m.callableObject() : ScriptTarget.DEFAULT_CALLABLE, true);
    }

    /** A file target reaches itself; a directory target everything below it; $n matches within one segment. */
    private static Pattern reach(String target, boolean substitutions) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (substitutions && c == '$' && i + 1 < target.length() && Character.isDigit(target.charAt(i + 1))) {
                b.append("[^/]*");
                i++;
            } else {
                b.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(b + (target.endsWith("/") ? ".*" : ""));
    }
}
