package org.wsgi.router.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.wsgi.api.config.DirectorySettings;
import org.wsgi.api.config.ScriptMount;
import org.wsgi.api.config.Section;
import org.wsgi.api.config.ServerConfig;
import org.wsgi.api.config.SourceLocation;
import org.wsgi.api.config.WsgiConfiguration;
import org.wsgi.api.runtime.ApplicationGroupDTO;
import org.wsgi.api.runtime.ScriptDTO;

class GroupPlanTest {

    private static final SourceLocation AT = new SourceLocation("t.conf", 1);

    private static ScriptMount mount(ScriptMount.Kind kind, String url, String target, String pg, String ag) {
        return new ScriptMount(kind, url, target, pg, ag, null, null, AT);
    }

    private static WsgiConfiguration config(List<ScriptMount> mounts, List<ScriptMount> imports) {
        ServerConfig main = new ServerConfig("localhost", 0, List.of(), List.of(), "/srv/htdocs", mounts, List.of(),
                DirectorySettings.EMPTY, List.of(), AT);
        return new WsgiConfiguration(1, "/srv/deploy", List.of(), main, List.of(), List.of(), imports);
    }

    @Test
    void preloadsMountsWithBothGroupsInTheEmbeddedProcessAndImportScripts() {
        GroupPlan plan = GroupPlan.of(config(List.of(
                mount(ScriptMount.Kind.PREFIX, "/a", "/srv/a.wsgi", "%{GLOBAL}", "%{GLOBAL}"),
                mount(ScriptMount.Kind.PREFIX, "/b", "/srv/b.wsgi", "%{GLOBAL}", "named"),
                mount(ScriptMount.Kind.PREFIX, "/c", "/srv/c.wsgi", null, "named"),
                mount(ScriptMount.Kind.PREFIX, "/d", "/srv/d.wsgi", "daemon", "named"),
                mount(ScriptMount.Kind.PREFIX, "/e", "/srv/e.wsgi", "%{GLOBAL}", "%{RESOURCE}")),
                List.of(mount(ScriptMount.Kind.PREFIX, "", "/srv/import.py", "%{GLOBAL}", "imported"))));
        assertEquals(List.of("/srv/a.wsgi|", "/srv/b.wsgi|named", "/srv/import.py|imported"),
                plan.preloads().stream().map(t -> t.script() + "|" + t.applicationGroup()).toList());
    }

    @Test
    void withADispatchScriptEveryGroupIsKept() {
        DirectorySettings dispatch = new DirectorySettings(null, null, null, null, null, null, null, List.of(), null,
                null, Map.of(), List.of(), null, Map.of("WSGIDispatchScript", List.of(List.of("/srv/d.wsgi"))));
        ServerConfig main = new ServerConfig("localhost", 0, List.of(), List.of(), "/srv/htdocs", List.of(),
                List.of(), dispatch, List.of(), AT);
        GroupPlan plan = GroupPlan.of(new WsgiConfiguration(1, "/srv/deploy", List.of(), main, List.of(), List.of(),
                List.of()));
        ApplicationGroupDTO chosen = group("tenant-a", "/elsewhere/app.wsgi");
        assertTrue(plan.keeps(chosen), "a name the dispatch script chose is not the configuration's to drop");
        assertFalse(GroupPlan.of(config(List.of(), List.of())).keeps(chosen), "without one it goes");
    }

    @Test
    void withEmbeddedModeRestrictedNothingIsPreloaded() {
        DirectorySettings restrict = new DirectorySettings(null, null, null, null, null, null, null, List.of(), null,
                null, Map.of(), List.of(), null, Map.of("WSGIRestrictEmbedded", List.of(List.of("On"))));
        ServerConfig main = new ServerConfig("localhost", 0, List.of(), List.of(), "/srv/htdocs",
                List.of(mount(ScriptMount.Kind.PREFIX, "/a", "/srv/a.wsgi", "%{GLOBAL}", "%{GLOBAL}")), List.of(),
                restrict, List.of(), AT);
        GroupPlan plan = GroupPlan.of(new WsgiConfiguration(1, "/srv/deploy", List.of(), main, List.of(), List.of(),
                List.of(mount(ScriptMount.Kind.PREFIX, "", "/srv/import.py", "%{GLOBAL}", "imported"))));
        assertEquals(List.of(), plan.preloads());
    }

    @Test
    void scriptsOfExpandedGroupsStayReachableThroughFilesDirectoriesMatchesAndTheDocumentRoot() {
        GroupPlan plan = GroupPlan.of(config(List.of(
                mount(ScriptMount.Kind.PREFIX, "/a", "/srv/a.wsgi", null, null),
                mount(ScriptMount.Kind.PREFIX, "/dir/", "/srv/dir/", null, "%{SERVER}"),
                mount(ScriptMount.Kind.MATCH, "^/rx/([^/]+)", "/srv/rx/$1.wsgi", null, "%{ENV:APP}"),
                mount(ScriptMount.Kind.PREFIX, "/n", "/srv/named.wsgi", null, "named")), List.of()));
        assertTrue(plan.reachable(Path.of("/srv/a.wsgi")));
        assertTrue(plan.reachable(Path.of("/srv/dir/sub/b.wsgi")));
        assertTrue(plan.reachable(Path.of("/srv/rx/x.wsgi")));
        assertTrue(plan.reachable(Path.of("/srv/htdocs/page.wsgi")));
        assertFalse(plan.reachable(Path.of("/srv/gone.wsgi")));
        assertFalse(plan.reachable(Path.of("/srv/rx/x/y.wsgi")));
        assertFalse(plan.reachable(Path.of("/srv/named.wsgi")), "reached for its named group only");
    }

    @Test
    void keepsNamedGroupsAndExpandedGroupsWithAReachableScript() {
        DirectorySettings inLocation = new DirectorySettings("from-section", null, null, null, null, null, null,
                List.of(), null, null, Map.of(), List.of(), null, Map.of());
        ServerConfig main = new ServerConfig("localhost", 0, List.of(), List.of(), "/srv/htdocs", List.of(
                mount(ScriptMount.Kind.PREFIX, "/a", "/srv/a.wsgi", null, null),
                mount(ScriptMount.Kind.PREFIX, "/n", "/srv/n.wsgi", null, "renamed")), List.of(),
                DirectorySettings.EMPTY, List.of(new Section(Section.Type.LOCATION, "/s", false, inLocation, AT)), AT);
        GroupPlan plan = GroupPlan.of(new WsgiConfiguration(1, "/srv/deploy", List.of(), main, List.of(), List.of(),
                List.of(mount(ScriptMount.Kind.PREFIX, "", "/srv/import.py", "%{GLOBAL}", "imported"))));
        assertTrue(plan.keeps(group("localhost|/a", "/srv/a.wsgi")));
        assertTrue(plan.keeps(group("renamed", "/srv/n.wsgi")));
        assertTrue(plan.keeps(group("imported", "/srv/import.py")), "a group only WSGIImportScript fills");
        assertTrue(plan.keeps(group("from-section", "/srv/elsewhere.wsgi")));
        assertTrue(plan.keeps(group("empty")), "a group its first request is making");
        assertFalse(plan.keeps(group("old-name", "/srv/n.wsgi")), "the group a mount named before");
        assertFalse(plan.keeps(group("dropped", "/srv/gone.wsgi")));
    }

    private static ApplicationGroupDTO group(String name, String... scripts) {
        ApplicationGroupDTO g = new ApplicationGroupDTO();
        g.name = name;
        g.scripts = java.util.Arrays.stream(scripts).map(p -> {
            ScriptDTO s = new ScriptDTO();
            s.path = p;
            return s;
        }).toArray(ScriptDTO[]::new);
        return g;
    }
}
