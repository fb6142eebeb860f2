package org.wsgi.itest;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * mod_wsgi's access and authentication hooks through the real bundles: the router's access phases call the Jython
 * provider's {@code callHook} (its DS reference), with the answers recorded from real mod_wsgi 4.9.4.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HookScriptsIT extends WsgiTestSupport {

    private static final String WHO = "def application(environ, start_response):\n"
            + "    start_response('200 OK', [('Content-Type', 'text/plain')])\n"
            + "    return [('user=%s' % environ.get('REMOTE_USER')).encode('ascii')]\n";

    private static final String HOOKS = "def check_password(environ, user, password):\n"
            + "    if user == 'spy':\n"
            + "        return password == 'secret'\n"
            + "    return None\n"
            + "def groups_for_user(environ, user):\n"
            + "    return ['agents'] if user == 'spy' else []\n"
            + "def allow_access(environ, host):\n"
            + "    return environ['QUERY_STRING'] != 'deny'\n";

    @Test
    public void hooksGuardTheirLocations() throws Exception {
        Path dir = deployDir();
        write(dir.resolve("it-who.wsgi"), WHO);
        write(dir.resolve("it-hooks.wsgi"), HOOKS);
        write(dir.resolve("hooks.conf"), "WSGIScriptAlias /it-secret " + dir.resolve("it-who.wsgi") + "\n"
                + "WSGIScriptAlias /it-open " + dir.resolve("it-who.wsgi") + "\n"
                + "<Location /it-secret>\n"
                + "AuthType Basic\nAuthName agents\nAuthBasicProvider wsgi\n"
                + "WSGIAuthUserScript it-hooks.wsgi\nWSGIAuthGroupScript it-hooks.wsgi\n"
                + "Require wsgi-group agents\n"
                + "</Location>\n"
                + "<Location /it-open>\nWSGIAccessScript it-hooks.wsgi\n</Location>\n");
        Deadline.poll(15000, () -> http().get("/it-open"), r -> r.status() == 200);
        assertEquals(403, http().get("/it-open?deny").status());
        assertEquals(401, get("/it-secret", null).status());
        assertEquals(401, get("/it-secret", "spy:wrong").status());
        assertEquals(401, get("/it-secret", "nobody:x").status());
        RawHttp.Response ok = get("/it-secret", "spy:secret");
        assertEquals(200, ok.status());
        assertEquals("user=spy", ok.text());
        Files.delete(dir.resolve("hooks.conf"));
    }

    private RawHttp.Response get(String path, String credentials) throws Exception {
        int port = Integer.parseInt(context.getProperty(PORT_PROPERTY));
        List<Map.Entry<String, String>> headers = credentials == null ? List.of(Map.entry("Host", "localhost"))
                : List.of(Map.entry("Host", "localhost"), Map.entry("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.ISO_8859_1))));
        return RawHttp.send(port, "GET", path, headers, null);
    }
}
