package org.wsgi.interp.jython.interp;

import org.wsgi.interp.jython.ProviderTestSupport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsgi.interp.jython.Interpreters.app;
import static org.wsgi.interp.jython.Interpreters.copy;
import static org.wsgi.interp.jython.Interpreters.target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsgi.api.exec.ScriptTarget;
import org.wsgi.api.exec.WsgiException;
import org.wsgi.api.runtime.ApplicationGroupDTO;
import org.wsgi.api.runtime.ScriptDTO;
import org.wsgi.interp.jython.FakeExchange;
import org.wsgi.interp.jython.Interpreters;

/** Script loading, reloading, application groups and their life cycle, as mod_wsgi's embedded mode does them. */
class ScriptLoadingTest extends ProviderTestSupport {

    @TempDir
    Path dir;


    private String body(ScriptTarget target) throws WsgiException {
        FakeExchange ex = new FakeExchange();
        provider.execute(target, ex);
        assertEquals("200 OK", ex.status);
        return ex.bodyText();
    }

    private static void write(Path script, String text, long mtimeMillis) throws Exception {
        Files.writeString(script, "def application(environ, start_response):\n"
                + "    start_response('200 OK', [('Content-Type', 'text/plain')])\n"
                + "    return [b'" + text + "']\n");
        Files.setLastModifiedTime(script, FileTime.fromMillis(mtimeMillis));
    }

    @Test
    void missingScriptIs404() {
        Path missing = dir.resolve("missing.wsgi");
        WsgiException e = assertThrows(WsgiException.class, () -> body(target(missing)));
        assertEquals(404, e.status());
        assertEquals("Target WSGI script not found or unable to stat: " + missing, e.getMessage());
    }

    @Test
    void missingCallableIs404() {
        ScriptTarget t = target(app("hello.wsgi"), "", "app", false);
        WsgiException e = assertThrows(WsgiException.class, () -> body(t));
        assertEquals(404, e.status());
        assertEquals("Target WSGI script '" + app("hello.wsgi") + "' does not contain WSGI application 'app'.",
                e.getMessage());
    }

    @Test
    void syntaxErrorIs500AndAFixIsPickedUp() throws Exception {
        Path script = copy("syntax.wsgi", dir);
        ScriptTarget t = target(script, "fix", "application", true);
        WsgiException e = assertThrows(WsgiException.class, () -> body(t));
        assertEquals(500, e.status());
        assertEquals("Failed to exec Python script file '" + script + "'.", e.getMessage());
        ScriptDTO failed = script(provider.applicationGroups(), "fix");
        assertEquals(1, failed.errors);
        assertTrue(failed.lastError.contains("SyntaxError"), failed.lastError);

        write(script, "fixed", 1_000_000L);
        assertEquals("fixed", body(t));
    }

    @Test
    void failedLoadIsRetriedOnTheNextRequest() throws Exception {
        Path script = dir.resolve("flaky.wsgi");
        Files.writeString(script, "raise ImportError('not yet')\n");
        ScriptTarget t = target(script, "", "application", false);
        assertEquals(500, assertThrows(WsgiException.class, () -> body(t)).status());
        write(script, "works", 2_000_000L);
        assertEquals("works", body(t));
    }

    @Test
    void reloadOnModificationTimeChangeOnlyWhenReloading() throws Exception {
        Path script = dir.resolve("reload.wsgi");
        write(script, "v1", 5_000_000L);
        ScriptTarget reloading = target(script, "r", "application", true);
        ScriptTarget fixed = target(script, "f", "application", false);
        assertEquals("v1", body(reloading));
        assertEquals("v1", body(fixed));

        write(script, "v2", 4_000_000L);
        assertEquals("v2", body(reloading), "an older mtime reloads too: the check is for inequality");
        assertEquals("v1", body(fixed));
        assertEquals(4_000_000L, script(provider.applicationGroups(), "r").mtime);
    }

    @Test
    void theRoutersModificationTimeSparesASecondStat() throws Exception {
        Path script = dir.resolve("seen.wsgi");
        write(script, "v1", 5_000_000L);
        ScriptTarget seen = new ScriptTarget(script, "seen", "application", true, 5_000_000L);
        assertEquals("v1", body(seen));
        write(script, "v2", 6_000_000L);
        assertEquals("v1", body(seen), "the time the router saw decides, not a second look at the file");
        ScriptTarget changed = new ScriptTarget(script, "seen", "application", true, 6_000_000L);
        assertEquals("v2", body(changed));
        assertEquals(6_000_000L, script(provider.applicationGroups(), "seen").mtime);
    }

    @Test
    void reloadReexecutesOnlyThatModule() throws Exception {
        Path other = copy("state.wsgi", dir);
        Path script = dir.resolve("reload.wsgi");
        write(script, "v1", 5_000_000L);
        ScriptTarget counter = target(other, "g", "application", true);
        assertEquals("module=1 group=1", body(counter));
        assertEquals("v1", body(target(script, "g", "application", true)));
        write(script, "v2", 6_000_000L);
        assertEquals("v2", body(target(script, "g", "application", true)));
        assertEquals("module=2 group=2", body(counter));
    }

    @Test
    void reloadOfAGroupReexecutesItsScripts() throws Exception {
        ScriptTarget t = target(app("state.wsgi"), "manual", "application", false);
        assertEquals("module=1 group=1", body(t));
        assertTrue(provider.reload("manual"));
        assertEquals("module=1 group=2", body(t), "module state is fresh, the group's os module is not");
        assertFalse(provider.reload("no such group"));
    }

    @Test
    void groupsAreIsolatedAndSharedWithinAGroup() throws Exception {
        ScriptTarget a = target(app("state.wsgi"), "A", "application", false);
        ScriptTarget a2 = target(app("state2.wsgi"), "A", "application", false);
        ScriptTarget b = target(app("state.wsgi"), "B", "application", false);
        assertEquals("module=1 group=1", body(a));
        assertEquals("module=2 group=2", body(a));
        assertEquals("module=1 group=3", body(a2), "another script of group A shares its os module");
        assertEquals("module=1 group=1", body(b), "group B has its own modules");
    }

    @Test
    void builtinsAreTheGroupsOwn() throws Exception {
        ScriptTarget a = target(app("builtins.wsgi"), "A", "application", false);
        ScriptTarget b = target(app("builtins.wsgi"), "B", "application", false);
        ScriptTarget a2 = target(app("state.wsgi"), "A", "application", false);
        FakeExchange set = new FakeExchange().put("QUERY_STRING", "set");
        provider.execute(a, set);
        assertEquals("owner=A", set.bodyText());
        FakeExchange get = new FakeExchange().put("QUERY_STRING", "");
        provider.execute(b, get);
        assertEquals("owner=None", get.bodyText(), "group B sees group A's builtins");
        assertEquals("module=1 group=1", body(a2), "a group with its own builtins still imports and runs");
        FakeExchange again = new FakeExchange().put("QUERY_STRING", "");
        provider.execute(a, again);
        assertEquals("owner=A", again.bodyText());
    }

    @Test
    void dtosDescribeGroupsAndScripts() throws Exception {
        body(target(app("hello.wsgi"), "dto", "application", false));
        body(target(app("hello.wsgi"), "dto", "application", false));
        List<ApplicationGroupDTO> groups = provider.applicationGroups();
        assertEquals("", groups.get(0).name, "%{GLOBAL} always exists and sorts first");
        ScriptDTO s = script(groups, "dto");
        assertEquals(app("hello.wsgi").toString(), s.path);
        assertEquals(ScriptLoader.moduleName(app("hello.wsgi")), s.module);
        assertTrue(s.module.matches("_mod_wsgi_[0-9a-f]{32}"), s.module);
        assertEquals(2, s.requests);
        assertEquals(0, s.errors);
        assertEquals(Files.getLastModifiedTime(app("hello.wsgi")).toMillis(), s.mtime);
        assertTrue(s.loaded > 0);
    }

    @Test
    void unreferencedGroupsAreTornDownWithTheirAtexitHandlers() throws Exception {
        Path marker = dir.resolve("marker.txt");
        FakeExchange ex = new FakeExchange().put("HTTP_X_MARKER", marker.toString());
        provider.execute(target(app("atexit.wsgi"), "short-lived", "application", false), ex);
        body(target(app("hello.wsgi"), "kept", "application", false));

        provider.retainGroups(g -> true);
        assertFalse(Files.exists(marker), "unlisted groups are kept while per-request expansions exist");

        provider.retainGroups(g -> g.name.equals("kept"));
        assertEquals("atexit ran", Files.readString(marker));
        List<String> names = provider.applicationGroups().stream().map(g -> g.name).toList();
        assertEquals(List.of("", "kept"), names);
    }

    @Test
    void preloadLoadsWithoutARequestAndNeverThrows() throws Exception {
        provider.preload(target(app("state.wsgi"), "pre", "application", false));
        assertNotNull(script(provider.applicationGroups(), "pre"));
        assertTrue(script(provider.applicationGroups(), "pre").loaded > 0);
        provider.preload(target(dir.resolve("missing.wsgi"), "pre", "application", false));
        provider.preload(target(app("syntax.wsgi"), "pre", "application", false));
    }

    private static ScriptDTO script(List<ApplicationGroupDTO> groups, String group) {
        return groups.stream().filter(g -> g.name.equals(group)).findFirst().orElseThrow().scripts[0];
    }
}
