package org.wsgi.interp.jython.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsgi.interp.jython.Interpreters.app;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.wsgi.api.exec.ScriptTarget;
import org.wsgi.api.exec.WsgiException;
import org.wsgi.interp.jython.ProviderTestSupport;
import org.wsgi.interp.jython.gateway.RequestLog;

/** mod_wsgi's hook scripts called through the provider: arguments, environ, and what each kind of answer becomes. */
class HookCallTest extends ProviderTestSupport {

    private static final Map<String, String> ENVIRON = Map.of("REMOTE_ADDR", "127.0.0.1", "REQUEST_METHOD", "GET",
            "mod_wsgi.application_group", "hooks");

    private Object call(String function, String... args) throws WsgiException {
        return provider.callHook(new ScriptTarget(app("hooks.wsgi"), "hooks", function, true), function, ENVIRON,
                List.of(args));
    }

    @Test
    void answersBecomeJavaValues() throws WsgiException {
        assertEquals(Boolean.TRUE, call("allow_access", "127.0.0.1"));
        assertEquals(Boolean.FALSE, call("allow_access", "10.0.0.1"));
        assertEquals(Boolean.TRUE, call("check_password", "spy", "secret"));
        assertEquals(Boolean.FALSE, call("check_password", "spy", "wrong"));
        assertEquals("spy", call("check_password", "alias", "x"));
        assertNull(call("check_password", "nobody", "x"));
    }

    @Test
    void theEnvironIsTheRequestsWithModWsgisOwnKeys() throws WsgiException {
        assertEquals(List.of("group-of-spy", "hooks", "(4, 9, 4)", "REMOTE_ADDR", "REQUEST_METHOD", "apache.version",
                "mod_wsgi.application_group", "mod_wsgi.version", "wsgi.errors"), call("groups_for_user", "spy"));
        assertTrue(provider.applicationGroups().stream().anyMatch(g -> g.name.equals("hooks")), "run in its group");
    }

    @Test
    void failuresAre500WithTheTracebackLogged() {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (RequestLog.Scope observed = RequestLog.observe(lines::add)) {
            assertEquals(500, assertThrows(WsgiException.class, () -> call("check_password", "raise", "x")).status());
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("[client 127.0.0.1] [group 'hooks'] ValueError: boom")),
                lines.toString());
        WsgiException odd = assertThrows(WsgiException.class, () -> call("check_password", "number", "x"));
        assertTrue(odd.getMessage().endsWith("returned an unsupported value: 1"), odd.getMessage());
        WsgiException missing = assertThrows(WsgiException.class, () -> call("get_realm_hash", "x", "y"));
        assertTrue(missing.getMessage().endsWith("does not provide 'get_realm_hash'."), missing.getMessage());
        assertEquals(404, missing.status(), "a function the script does not define: optional ones are skipped");
    }
}
