package org.wsgi.router.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wsgi.api.Route;
import org.wsgi.api.RouteRequest;
import org.wsgi.api.config.DirectorySettings;
import org.wsgi.api.exec.WsgiException;

/** Apache 2.4's access phases as the router applies them: host rules, Basic authentication, Require, Satisfy. */
class AccessControlTest {

    @TempDir
    Path dir;

    /** What the hook scripts answer, by function and first argument; calls are recorded. */
    private final Map<String, Object> answers = new LinkedHashMap<>();
    private final List<String> calls = new java.util.ArrayList<>();
    private final HookRunner runner = (hook, function, environ, args) -> {
        calls.add(function + " " + hook.script().getFileName() + " " + hook.applicationGroup() + " "
                + environ.get("mod_wsgi.application_group") + " " + args);
        String key = function + (args.isEmpty() ? "" : " " + args.get(0));
        Object answer = answers.containsKey(key) ? answers.get(key) : answers.get(function);
        if (answer instanceof WsgiException e) {
            throw e;
        }
        return answer;
    };
    private final AccessControl access = new AccessControl(new PasswordFiles(), new ScriptHooks(runner));
    private final ScriptHooks.Call call = new ScriptHooks.Call(() -> Map.of("REMOTE_ADDR", "127.0.0.1"),
            group -> group.replace("%{GLOBAL}", ""), Path.of("/srv"));

    private static DirectorySettings settings(Map<String, List<List<String>>> directives) {
        return new DirectorySettings(null, null, null, null, null, null, null, List.of(), null, null, Map.of(),
                List.of(), null, directives);
    }

    private static Map<String, List<List<String>>> d(String... keyAndWords) {
        Map<String, List<List<String>>> m = new LinkedHashMap<>();
        for (String kw : keyAndWords) {
            String[] parts = kw.split("=", 2);
            m.computeIfAbsent(parts[0], k -> new java.util.ArrayList<>()).add(List.of(parts[1].split(" ")));
        }
        return m;
    }

    private static RouteRequest request(String method, String addr, String authorization) {
        return new RouteRequest(method, "http", "localhost", 80, "/x", null, addr,
                authorization == null ? Map.of() : Map.of("authorization", authorization));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A password file that knows alice (password {@code secret}). */
    private Path alice() throws java.io.IOException {
        Path users = dir.resolve("htpasswd");
        Files.writeString(users, "alice:{SHA}5en6G6MezRroT3XKqkdPOmY/BfQ=\n");
        return users;
    }

    private static Route site(RoutingTable t) {
        return t.route(new RouteRequest("GET", "http", "localhost", 80, "/site", null, "127.0.0.1", Map.of()));
    }

    private int status(Map<String, List<List<String>>> directives, String addr) {
        return access.check(settings(directives), request("GET", addr, null), "/x", call).status();
    }

    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Order=allow,deny                                        | 127.0.0.1 | 403
            Order=allow,deny;Allow=from all                         | 127.0.0.1 | 0
            Order=allow,deny;Allow=from all;Deny=from 10.0.0.0/8    | 10.1.2.3  | 403
            Order=deny,allow;Deny=from all;Allow=from 127.0.0.1     | 127.0.0.1 | 0
            Order=deny,allow;Deny=from all;Allow=from 127.0.0.1     | 10.0.0.1  | 403
            Order=deny,allow;Deny=from all;Allow=from localhost     | 127.0.0.1 | 0
            Order=deny,allow;Deny=from all;Allow=from 10.1          | 10.1.9.9  | 0
            Order=deny,allow;Deny=from all;Allow=from 10.0.0.0/255.0.0.0 | 10.200.0.1 | 0
            Deny=from all                                           | 127.0.0.1 | 403
            Require=all granted                                     | 10.0.0.1  | 0
            Require=all denied                                      | 127.0.0.1 | 403
            Require=ip 192.168.0.0/16                               | 192.168.4.4 | 0
            Require=ip 192.168.0.0/16                               | 10.0.0.1  | 403
            Require=local                                           | 127.0.0.1 | 0
            Require=local                                           | 10.0.0.1  | 403
            Require=ip 10.0.0.0/8;Require=local                     | 127.0.0.1 | 0
            Require=valid-user                                      | 127.0.0.1 | 500
            """)
    void hostRulesAndRequire(String directives, String addr, int expected) {
        assertEquals(expected, status(d(directives.split(";")), addr));
    }

    @Test
    void basicAuthenticationChallengesChecksAndNamesTheUser() throws Exception {
        Path users = dir.resolve("htpasswd");
        Files.writeString(users, "alice:$apr1$P1duwJne$J4IBYkgOhw9vO33WQ1usB1\nbob:{SHA}5en6G6MezRroT3XKqkdPOmY/BfQ=\n");
        DirectorySettings s = settings(d("AuthType=Basic", "AuthName=members", "AuthUserFile=" + users,
                "Require=user alice"));
        AccessControl.Decision none = access.check(s, request("GET", "127.0.0.1", null), "/x", call);
        assertEquals(401, none.status());
        assertEquals("Basic realm=\"members\"", none.reason());
        assertEquals(401, access.check(s, request("GET", "127.0.0.1", basic("alice", "wrong")), "/x", call).status());
        assertEquals(401, access.check(s, request("GET", "127.0.0.1", basic("bob", "secret")), "/x", call).status(),
                "bob's password is right but Require names only alice");
        AccessControl.Decision ok = access.check(s, request("GET", "127.0.0.1", basic("alice", "secret")), "/x", call);
        assertEquals(0, ok.status());
        assertEquals("alice", ok.user());
        assertEquals("Basic", ok.authType());
    }

    @Test
    void anAccessScriptAllowsOnTrueOrNoneAndRefusesOnFalseOrFailure() {
        Map<String, List<List<String>>> m = d("WSGIAccessScript=access.wsgi application-group=hooks");
        answers.put("allow_access", Boolean.TRUE);
        assertEquals(0, status(m, "127.0.0.1"));
        assertEquals(List.of("allow_access access.wsgi hooks hooks [127.0.0.1]"), calls);
        answers.put("allow_access", null);
        assertEquals(0, status(m, "127.0.0.1"), "None: the script leaves it to the other rules");
        answers.put("allow_access", Boolean.FALSE);
        assertEquals(403, status(m, "127.0.0.1"));
        answers.put("allow_access", new WsgiException(500, "boom"));
        assertEquals(403, status(m, "127.0.0.1"), "a failing script refuses, as mod_wsgi's does");
        answers.put("allow_access", Boolean.TRUE);
        m.put("Require", List.of(List.of("all", "denied")));
        assertEquals(403, status(m, "127.0.0.1"), "the other rules still apply");
    }

    @Test
    void underSatisfyAnyARefusingAccessScriptStillLetsAValidUserIn() throws Exception {
        // As the reference answers: 401 without credentials, 200 with alice's.
        Path users = alice();
        DirectorySettings s = settings(d("WSGIAccessScript=deny.wsgi", "AuthType=Basic", "AuthName=x",
                "AuthUserFile=" + users, "Require=valid-user", "Satisfy=Any"));
        answers.put("allow_access", Boolean.FALSE);
        assertEquals(401, access.check(s, request("GET", "127.0.0.1", null), "/x", call).status());
        assertEquals(0, access.check(s, request("GET", "127.0.0.1", basic("alice", "secret")), "/x", call).status());
        DirectorySettings all = settings(d("WSGIAccessScript=deny.wsgi", "AuthType=Basic", "AuthName=x",
                "AuthUserFile=" + users, "Require=valid-user"));
        assertEquals(403, access.check(all, request("GET", "127.0.0.1", basic("alice", "secret")), "/x", call)
                .status(), "Satisfy All: the refusal stands");
    }

    @Test
    void theWsgiProviderAuthenticatesWithCheckPasswordAndGroupsComeFromGroupsForUser() {
        DirectorySettings s = settings(d("AuthType=Basic", "AuthName=agents", "AuthBasicProvider=wsgi",
                "WSGIAuthUserScript=auth.wsgi", "WSGIAuthGroupScript=auth.wsgi", "Require=wsgi-group secret-agents"));
        answers.put("check_password spy", Boolean.TRUE);
        answers.put("check_password intern", Boolean.TRUE);
        answers.put("check_password alias", "spy");
        answers.put("check_password wrong", Boolean.FALSE);
        answers.put("groups_for_user spy", List.of("staff", "secret-agents"));
        answers.put("groups_for_user intern", List.of("staff"));
        assertEquals(401, access.check(s, request("GET", "127.0.0.1", null), "/x", call).status());
        AccessControl.Decision ok = access.check(s, request("GET", "127.0.0.1", basic("spy", "pw")), "/x", call);
        assertEquals(0, ok.status());
        assertEquals("spy", ok.user());
        assertEquals("check_password auth.wsgi   [spy, pw]", calls.get(0), "%{GLOBAL} unless application-group=");
        assertEquals("spy", access.check(s, request("GET", "127.0.0.1", basic("alias", "x")), "/x", call).user(),
                "a string returned is the user's name from then on");
        assertEquals(401, access.check(s, request("GET", "127.0.0.1", basic("intern", "pw")), "/x", call).status());
        assertEquals(401, access.check(s, request("GET", "127.0.0.1", basic("wrong", "x")), "/x", call).status());
        assertEquals(401, access.check(s, request("GET", "127.0.0.1", basic("nobody", "x")), "/x", call).status(),
                "None: unknown to every provider");
        answers.put("check_password", new WsgiException(500, "boom"));
        assertEquals(500, access.check(s, request("GET", "127.0.0.1", basic("x", "y")), "/x", call).status());
    }

    @Test
    void hookScriptsGetOnlyValidHeaderNamesAndNoCredentials() throws Exception {
        Map<String, String> seen = new LinkedHashMap<>();
        Path root = Files.createDirectories(dir.resolve("srv"));
        Files.writeString(root.resolve("site.wsgi"), "application = None\n");
        HookRunner recording = (hook, function, environ, args) -> {
            seen.putAll(environ);
            return Boolean.TRUE;
        };
        String conf = "WSGIScriptAlias /site " + root.resolve("site.wsgi") + "\n<Location /site>\n"
                + "WSGIAccessScript " + root.resolve("site.wsgi") + "\n</Location>\n";
        RoutingTable t = Configs.parsed(dir, conf, recording);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-forwarded-for", "1.2.3.4");
        headers.put("x_forwarded_for", "10.0.0.5");
        headers.put("proxy-authorization", "Basic abc");
        headers.put("content-type", "text/plain");
        assertEquals(Route.Outcome.WSGI, t.route(new RouteRequest("GET", "http", "localhost", 80, "/site", null,
                "127.0.0.1", headers)).outcome());
        assertEquals("1.2.3.4", seen.get("HTTP_X_FORWARDED_FOR"), "an underscore name is not a header Apache passes");
        assertEquals("text/plain", seen.get("CONTENT_TYPE"));
        assertTrue(!seen.containsKey("HTTP_PROXY_AUTHORIZATION"), seen.toString());
    }

    @Test
    void aDispatchScriptChoosesGroupsAndCallableAndAFailureIs500() throws Exception {
        Path root = Files.createDirectories(dir.resolve("srv"));
        Files.writeString(root.resolve("site.wsgi"), "application = None\n");
        Map<String, Object> choices = new LinkedHashMap<>();
        HookRunner dispatcher = (hook, function, environ, args) -> {
            Object c = choices.get(function);
            if (c == null && !choices.containsKey(function)) {
                throw new WsgiException(404, "does not provide '" + function + "'");
            }
            if (c instanceof WsgiException e) {
                throw e;
            }
            return c;
        };
        Map<String, String> seen = new LinkedHashMap<>();
        HookRunner recording = (hook, function, environ, args) -> {
            seen.putAll(environ);
            return dispatcher.call(hook, function, environ, args);
        };
        RoutingTable t = Configs.parsed(dir, "WSGIRestrictEmbedded On\nWSGIDaemonProcess d\nSetEnv TENANT a\n"
                + "WSGIScriptAlias /site " + root.resolve("site.wsgi") + " process-group=d\n"
                + "WSGIDispatchScript dispatch.wsgi\n", recording);
        Route plain = site(t);
        assertEquals("machine|/site", plain.target().applicationGroup(), "no function defined: the defaults");
        assertEquals("d", seen.get("mod_wsgi.process_group"), "the dispatch script sees the configured group");
        assertEquals("a", seen.get("TENANT"), "and the request's SetEnv variables");
        choices.put("application_group", "chosen");
        choices.put("callable_object", null);
        Route chosen = site(t);
        assertEquals("chosen", chosen.target().applicationGroup());
        assertEquals("application", chosen.target().callableObject(), "None keeps the default");
        choices.put("application_group", "%{GLOBAL}");
        assertEquals("", site(t).target().applicationGroup(), "answers are expanded as configured values are");
        choices.put("callable_object", new WsgiException(500, "Exception occurred processing WSGI script"));
        assertEquals(500, site(t).status());
    }

    @Test
    void providersAreAskedInOrderUntilOneKnowsTheUser() throws Exception {
        Path users = alice();
        DirectorySettings s = settings(d("AuthType=Basic", "AuthName=x", "AuthBasicProvider=file wsgi",
                "AuthUserFile=" + users, "WSGIAuthUserScript=auth.wsgi", "Require=valid-user"));
        answers.put("check_password bob", Boolean.TRUE);
        assertEquals(0, access.check(s, request("GET", "127.0.0.1", basic("alice", "secret")), "/x", call).status());
        assertEquals(List.of(), calls, "the file knew alice");
        assertEquals(401, access.check(s, request("GET", "127.0.0.1", basic("alice", "wrong")), "/x", call).status());
        assertEquals(List.of(), calls, "a provider that knows the user decides");
        assertEquals(0, access.check(s, request("GET", "127.0.0.1", basic("bob", "pw")), "/x", call).status());
    }

    @Test
    void groupsComeFromTheGroupFile() throws Exception {
        Path users = dir.resolve("htpasswd");
        Files.writeString(users, "alice:{SHA}5en6G6MezRroT3XKqkdPOmY/BfQ=\nbob:{SHA}5en6G6MezRroT3XKqkdPOmY/BfQ=\n");
        Path groups = dir.resolve("htgroup");
        Files.writeString(groups, "staff: carol\nstaff: alice dave\nother: bob\n");
        DirectorySettings s = settings(d("AuthType=Basic", "AuthName=g", "AuthUserFile=" + users,
                "AuthGroupFile=" + groups, "Require=group staff"));
        assertEquals(0, access.check(s, request("GET", "127.0.0.1", basic("alice", "secret")), "/x", call).status());
        assertEquals(401, access.check(s, request("GET", "127.0.0.1", basic("bob", "secret")), "/x", call).status());
        assertEquals(401, access.check(s, request("GET", "127.0.0.1", null), "/x", call).status());
    }

    @Test
    void satisfyAnyLetsTheHostRulesAloneGrant() throws Exception {
        Map<String, List<List<String>>> m = d("AuthType=Basic", "AuthName=x", "AuthUserFile=" + dir.resolve("none"),
                "Require=valid-user", "Order=deny,allow", "Deny=from all", "Allow=from 127.0.0.1", "Satisfy=Any");
        assertEquals(0, status(m, "127.0.0.1"));
        assertEquals(401, status(m, "10.0.0.1"));
        m.put("Satisfy", List.of(List.of("All")));
        assertEquals(401, status(m, "127.0.0.1"), "with Satisfy All the user is needed too");
        assertEquals(403, status(m, "10.0.0.1"));
    }

    @Test
    void limitSectionsCountForTheirMethodsOnly() {
        Map<String, List<List<String>>> m = d("<Limit POST PUT> Require=all denied");
        assertEquals(0, access.check(settings(m), request("GET", "127.0.0.1", null), "/x", call).status());
        assertEquals(403, access.check(settings(m), request("POST", "127.0.0.1", null), "/x", call).status());
        Map<String, List<List<String>>> except = d("<LimitExcept GET> Require=all denied");
        assertEquals(0, access.check(settings(except), request("GET", "127.0.0.1", null), "/x", call).status());
        assertEquals(403, access.check(settings(except), request("DELETE", "127.0.0.1", null), "/x", call).status());
    }

    @Test
    void noDirectivesGrant() {
        assertTrue(access.check(DirectorySettings.EMPTY, request("GET", "10.9.8.7", null), "/x", call).status() == 0);
    }
}
