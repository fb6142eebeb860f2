package org.wsgi.router.lifecycle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.wsgi.api.config.DirectorySettings;
import org.wsgi.api.config.ScriptMount;
import org.wsgi.api.config.Section;
import org.wsgi.api.config.ServerConfig;
import org.wsgi.api.config.WsgiConfiguration;
import org.wsgi.api.exec.ScriptTarget;
import org.wsgi.api.runtime.ApplicationGroupDTO;

/**
 * What a configuration snapshot means for the embedded application groups: which scripts to pre-load (a
 * {@code WSGIScriptAlias} with both groups given literally, and {@code WSGIImportScript}, into the embedded
 * process group), and which live groups the configuration still references, so that the others can be torn down.
 * A group is referenced when the configuration names it ({@code application-group=}, {@code WSGIApplicationGroup},
 * {@code WSGIImportScript}), or when its name can come from a per-request expansion ({@code %{RESOURCE}}, the
 * default, {@code %{SERVER}}, {@code %{ENV:...}}, or a {@code .htaccess}) of a mount, handler or document root that
 * still reaches one of its scripts. A mount whose group is named literally reaches its scripts for that group only:
 * renaming the group of a mount leaves the old group unreferenced. Pure.
 */
public final class GroupPlan {

    private final List<ScriptTarget> preloads;
    private final Set<String> named;
    private final List<Pattern> expanded;
    /** A {@code WSGIDispatchScript} may choose any group name at request time: then no group is torn down. */
    private final boolean dispatch;

    private GroupPlan(List<ScriptTarget> preloads, Set<String> named, List<Pattern> expanded, boolean dispatch) {
        this.dispatch = dispatch;
        this.preloads = preloads;
        this.named = named;
        this.expanded = expanded;
    }

    public static GroupPlan of(WsgiConfiguration c) {
        List<ScriptTarget> preloads = new ArrayList<>();
        Set<String> named = new HashSet<>();
        List<Pattern> expanded = new ArrayList<>();
        List<ServerConfig> servers = new ArrayList<>(c.virtualHosts());
        servers.add(c.main());
        for (ServerConfig s : servers) {
            for (ScriptMount m : s.mounts()) {
                if (literal(m.applicationGroup())) {
                    named.add(name(m.applicationGroup()));
                } else {
                    expanded.add(reach(m.target(), m.kind() == ScriptMount.Kind.MATCH));
                }
                if (m.preload() && embedded(m.processGroup())) {
                    preloads.add(target(m));
                }
            }
            for (ScriptMount a : s.aliases()) {
                expanded.add(reach(a.target(), a.kind() == ScriptMount.Kind.MATCH));
            }
            if (s.documentRoot() != null) {
                expanded.add(reach(s.documentRoot().endsWith("/") ? s.documentRoot() : s.documentRoot() + "/",
                        false));
            }
            addNamed(named, s.settings());
            for (Section section : s.sections()) {
                addNamed(named, section.settings());
            }
        }
        expanded.add(reach(c.serverRoot() + "/htdocs/", false));
        for (ScriptMount i : c.importScripts()) {
            named.add(name(i.applicationGroup()));
            if (embedded(i.processGroup())) {
                preloads.add(target(i));
            }
        }
        if (restrictEmbedded(c)) {
            preloads.clear(); // WSGIRestrictEmbedded On: nothing runs in this process, pre-loads neither
        }
        boolean dispatch = servers.stream().anyMatch(s -> s.settings().directives().containsKey("WSGIDispatchScript")
                || s.sections().stream().anyMatch(x -> x.settings().directives().containsKey("WSGIDispatchScript")));
        return new GroupPlan(List.copyOf(preloads), Set.copyOf(named), List.copyOf(expanded), dispatch);
    }

    /** The scripts to load into the embedded interpreter as soon as this snapshot is live. */
    public List<ScriptTarget> preloads() {
        return preloads;
    }

    /** Whether a mount, alias or document root whose group is expanded per request can reach the script. */
    public boolean reachable(Path script) {
        String p = script.toString();
        return expanded.stream().anyMatch(r -> r.matcher(p).matches());
    }

    /**
     * Whether the group stays: the configuration names it, an expanded group can still reach one of its scripts,
     * or it has no script yet (a request is making it).
     */
    public boolean keeps(ApplicationGroupDTO group) {
        return dispatch || named.contains(group.name) || group.scripts.length == 0
                || Arrays.stream(group.scripts).anyMatch(s -> reachable(Path.of(s.path)));
    }

    private static void addNamed(Set<String> named, DirectorySettings settings) {
        if (settings.applicationGroup() != null && literal(settings.applicationGroup())) {
            named.add(name(settings.applicationGroup()));
        }
    }

    /** A group value that names one group whatever the request: not an expansion, other than %{GLOBAL}. */
    private static boolean literal(String group) {
        return group != null && (!group.startsWith("%{") || group.equals("%{GLOBAL}"));
    }

    private static String name(String group) {
        return group == null || group.equals("%{GLOBAL}") ? "" : group;
    }

    private static boolean restrictEmbedded(WsgiConfiguration c) {
        List<List<String>> set = c.main().settings().directives().get("WSGIRestrictEmbedded");
        return set != null && !set.isEmpty() && "on".equalsIgnoreCase(set.get(set.size() - 1).get(0));
    }

    private static boolean embedded(String processGroup) {
        return processGroup == null || processGroup.isEmpty() || processGroup.equals("%{GLOBAL}");
    }

    private static ScriptTarget target(ScriptMount m) {
        return new ScriptTarget(Path.of(m.target()), name(m.applicationGroup()),
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
