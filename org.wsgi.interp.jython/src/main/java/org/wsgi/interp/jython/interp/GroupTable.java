package org.wsgi.interp.jython.interp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

import org.wsgi.api.runtime.ApplicationGroupDTO;

/**
 * The live application groups by name.
 * <p>
 * Invariant: the map holds at most one group per name, and a group leaves the map before it is retired. A thread
 * may still read a group from the map just before it is removed; {@link ApplicationGroup#enter()} then either
 * succeeds (the request runs, and its exit tears the group down) or fails (the group is closed; the thread removes
 * that exact instance and creates a fresh one). {@code computeIfAbsent} only builds an empty group object, so no
 * interpreter is ever created while a map bin is locked.
 */
final class GroupTable {

    /** {@code %{GLOBAL}}: present from the start, never torn down by {@link #retain}. */
    static final String GLOBAL = "";

    private final JythonEngine engine;
    private final ConcurrentMap<String, ApplicationGroup> groups = new ConcurrentHashMap<>();
    private volatile InterpreterSettings settings = InterpreterSettings.DEFAULT;

    GroupTable(JythonEngine engine) {
        this.engine = engine;
        groups.put(GLOBAL, new ApplicationGroup(GLOBAL, engine, this));
    }

    /** Creates the interpreter state of %{GLOBAL}, so it is the first one made. */
    void startGlobal() {
        groups.computeIfAbsent(GLOBAL, n -> new ApplicationGroup(n, engine, this)).state();
    }

    /** The named group with one request counted in; pair with {@link ApplicationGroup#exit()}. */
    ApplicationGroup enter(String name) {
        for (;;) {
            ApplicationGroup group = groups.computeIfAbsent(name, n -> new ApplicationGroup(n, engine, this));
            if (group.enter()) {
                return group;
            }
            groups.remove(name, group);
        }
    }

    /** Retires every group {@code keep} refuses, judged as it is now; %{GLOBAL} always stays. */
    void retain(Predicate<ApplicationGroupDTO> keep) {
        for (ApplicationGroup group : groups.values()) {
            String name = group.name();
            if (!GLOBAL.equals(name) && !keep.test(group.toDTO()) && groups.remove(name, group)) {
                group.retire();
            }
        }
    }

    /**
     * Takes {@code group} out and retires it, if it is still the one of its name (%{GLOBAL} too: its next request
     * makes a new one). For code of the group that would end the process ({@link ProcessGuard}).
     */
    void discard(ApplicationGroup group, boolean runAtexit) {
        if (groups.remove(group.name(), group)) {
            group.retire(runAtexit);
        }
    }

    /** What interpreter states are made with from now on. */
    InterpreterSettings settings() {
        return settings;
    }

    /**
     * Makes new states with {@code next}, and retires every group whose state was made with other settings (%{GLOBAL}
     * too), as an Apache restart would make its interpreters anew: their running requests finish, their next
     * requests make them again.
     */
    void settings(InterpreterSettings next) {
        settings = next;
        for (ApplicationGroup group : groups.values()) {
            InterpreterSettings made = group.madeWith();
            if (made != null && !made.equals(next) && groups.remove(group.name(), group)) {
                group.retire();
            }
        }
    }

    boolean reload(String name) {
        ApplicationGroup group = groups.get(name);
        if (group == null) {
            return false;
        }
        group.reloadAll();
        return true;
    }

    List<ApplicationGroupDTO> snapshot() {
        List<ApplicationGroupDTO> out = new ArrayList<>();
        groups.values().forEach(g -> out.add(g.toDTO()));
        out.sort(Comparator.comparing(dto -> dto.name));
        return out;
    }

    /** Retires every group, %{GLOBAL} included. */
    void retireAll() {
        for (ApplicationGroup group : groups.values()) {
            if (groups.remove(group.name(), group)) {
                group.retire();
            }
        }
    }
}
