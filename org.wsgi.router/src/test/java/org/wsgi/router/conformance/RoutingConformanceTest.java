package org.wsgi.router.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.wsgi.api.Route;
import org.wsgi.api.RouteRequest;
import org.wsgi.api.config.WsgiConfiguration;
import org.wsgi.config.apache.parser.Assembly;
import org.wsgi.config.apache.parser.ConfAssembler;
import org.wsgi.config.apache.parser.ConfParser;
import org.wsgi.config.apache.parser.ParsedFile;
import org.wsgi.router.http.CgiEnvironment;
import org.wsgi.router.http.RequestChecks;
import org.wsgi.router.match.AccessFiles;
import org.wsgi.router.match.FileProbe;
import org.wsgi.router.match.RoutingTable;

/**
 * Replays every routing case recorded from Apache + mod_wsgi 4.9.4 through our parser, routing table and CGI
 * environment builder, field for field: status, SCRIPT_NAME, PATH_INFO, both group names and the recorded
 * environment keys, with the .htaccess files of each case read as Apache reads them. Answers the application
 * produced (its own status, load or callable errors) are checked as far as routing decides them: that the script
 * was run.
 */
class RoutingConformanceTest {

    @TempDir
    Path scratch;

    /**
     * Cases whose answers the servlet makes after routing ({@code ErrorDocument}'s internal redirects and messages):
     * replayed over HTTP by RoutingReplayIT, and piece by piece by ErrorAnswerTest.
     */
    private static final java.util.Set<String> SERVLET_LEVEL = java.util.Set.of("error-document");

    @TestFactory
    Stream<DynamicNode> recordedCases() throws IOException {
        return RecordedCase.names().stream().filter(name -> !SERVLET_LEVEL.contains(name)).map(name -> DynamicContainer.dynamicContainer(name,
                Stream.of(DynamicTest.dynamicTest("replay", () -> replay(name)))));
    }

    private void replay(String name) throws Exception {
        RecordedCase c = RecordedCase.load(name, Files.createTempDirectory(scratch, name));
        ConfParser parser = new ConfParser(c.serverRoot);
        RoutingTable table = new RoutingTable(configure(c), "machine", FileProbe.FILE_SYSTEM, v -> null,
                new AccessFiles(parser::parseAccessFile));
        List<String> failures = new ArrayList<>();
        for (JsonNode r : c.records) {
            Expectation kind = Expectation.of(r);
            String what = r.path("method").asText() + " " + r.path("path").asText() + " (Host "
                    + r.path("host").asText() + ")";
            try {
                check(c, table, r, kind);
            } catch (AssertionError e) {
                failures.add(what + ": " + e.getMessage());
            }
        }
        assertTrue(failures.isEmpty(), name + ": " + failures.size() + " of " + c.records.size()
                + " records differ from mod_wsgi:\n  " + String.join("\n  ", failures));
    }

    private static WsgiConfiguration configure(RecordedCase c) throws IOException {
        Path base = c.serverRoot.resolve("00-base.conf");
        Files.writeString(base, c.baseConf());
        Path conf = c.root.resolve("case.conf");
        ConfParser parser = new ConfParser(c.serverRoot);
        List<ParsedFile> files = List.of(parser.parse(base, Files.readAllBytes(base)),
                parser.parse(conf, Files.readAllBytes(conf)));
        for (ParsedFile f : files) {
            assertEquals(List.of(), f.errors(), "Apache accepted " + f.file());
        }
        Assembly a = ConfAssembler.assemble(1, c.serverRoot, files, List.of());
        assertEquals(Map.of(), a.errorsByFile(), "Apache accepted this configuration");
        return a.configuration();
    }

    private static void check(RecordedCase c, RoutingTable table, JsonNode r, Expectation kind) throws IOException {
        String target = r.path("path").asText().replaceFirst("^https?://[^/]*", "");
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? null : target.substring(q + 1);
        List<Map.Entry<String, String>> headers = headers(c, r);
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach(h -> lower.merge(h.getKey().toLowerCase(Locale.ROOT), h.getValue(), (x, y) -> x + ", " + y));
        Route route = table.route(new RouteRequest(r.path("method").asText("GET"), "http", c.fill(
                r.path("host").asText()), RecordedCase.PORT, path, query, "127.0.0.1", lower));
        if (kind == Expectation.APPLICATION) {
            assertEquals(Route.Outcome.WSGI, route.outcome(), "mod_wsgi ran the script; we: " + route.reason());
            return;
        }
        int status = r.path("status").asInt();
        if (status >= 300 && status < 400 && r.has("location")) {
            assertEquals(Route.Outcome.REDIRECT, route.outcome(), "redirect; we: " + route.reason());
            assertEquals(c.fill(r.path("location").asText()), route.reason(), "Location");
            return;
        }
        if (status == 200 && !r.has("SCRIPT_NAME")) {
            // A static file, a directory listing, or an application other than env.wsgi (hello.wsgi).
            assertTrue(route.outcome() == Route.Outcome.FILE || route.outcome() == Route.Outcome.WSGI,
                    "200 from a file or an application; we: " + route.status() + " " + route.reason());
            if (route.outcome() == Route.Outcome.FILE && Files.isRegularFile(route.target().script())
                    && r.has("body")) {
                assertEquals(r.get("body").asText(), Files.readString(route.target().script()), "static body");
            }
            return;
        }
        String log = r.path("log").path(0).asText("");
        if (log.startsWith("[core:alert]")) {
            // An access file Apache refused: the message names the file and the directive.
            assertEquals(c.fill(log.replaceFirst("^\\[core:alert\\] \\[client [^]]*\\] ", "")), route.reason(),
                    "the access file's error");
        }
        if (status != 200 || !r.has("SCRIPT_NAME")) {
            // The servlet answers a static file's unknown methods itself (StaticFiles; RoutingReplayIT sends them).
            boolean fileMethod = route.outcome() == Route.Outcome.FILE
                    && !List.of("GET", "HEAD", "POST").contains(r.path("method").asText("GET"));
            int ours = fileMethod ? 405 : route.outcome() != Route.Outcome.WSGI ? route.status()
                    : RequestChecks.refuse(route, lower.get("transfer-encoding"), contentLength(r));
            assertEquals(status, ours, "status (" + route.reason() + ")");
            return;
        }
        assertEquals(Route.Outcome.WSGI, route.outcome(), "status 200 from the script; we: " + route.status() + " "
                + route.reason());
        // An application may rewrite SCRIPT_NAME (the guide's site.wsgi wrapper does); mod_wsgi's own view stays.
        String scriptName = r.path("env").path("mod_wsgi.script_name").asText(r.get("SCRIPT_NAME").asText());
        assertEquals(scriptName, route.scriptName(), "SCRIPT_NAME");
        assertEquals(r.get("PATH_INFO").asText(), route.pathInfo(), "PATH_INFO");
        assertEquals(c.fill(r.get("mod_wsgi.application_group").asText()), route.target().applicationGroup(),
                "application group");
        assertEquals(r.get("mod_wsgi.process_group").asText(), route.processGroup(), "process group");
        Map<String, String> env = new CgiEnvironment("[no address given]").build(
                FakeServletRequest.of(r.path("method").asText("GET"), path, query, headers, RecordedCase.PORT), route,
                "id", 0);
        for (Iterator<Map.Entry<String, JsonNode>> it = r.path("env").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String expected = e.getValue().isNull() ? null : c.fill(e.getValue().asText());
            if ("@VOLATILE@".equals(expected) || !decidedByRouter(e.getKey()) || e.getValue().isContainerNode()
                    || e.getValue().isBoolean() || e.getValue().isNumber()) {
                continue;
            }
            if (e.getKey().equals("REQUEST_URI") && r.path("path").asText().matches("^https?://.*")) {
                // Jetty hands servlets the path of an absolute-form request target; Apache keeps it whole.
                continue;
            }
            if (expected == null) {
                assertNull(env.get(e.getKey()), e.getKey() + " must be absent");
            } else {
                assertEquals(expected, env.get(e.getKey()), e.getKey());
            }
        }
    }

    /**
     * Keys of the environ the router and CGI builder decide. The wsgi.* objects come from the gateway (tested by
     * its own replay), conformance.* are set by the test apps, SERVER_SOFTWARE names the server, and the
     * daemon-transport keys belong to daemon mode.
     */
    private static boolean decidedByRouter(String key) {
        return !key.startsWith("wsgi.") && !key.startsWith("conformance.") && !key.startsWith("apache.")
                && !key.equals("SERVER_SOFTWARE") && !key.startsWith("mod_wsgi.daemon_")
                && !key.equals("mod_wsgi.queue_start");
    }

    private static long contentLength(JsonNode r) {
        return r.has("request_body") && !r.path("headers").has("Transfer-Encoding")
                ? r.get("request_body").asText().length() : -1;
    }

    private static List<Map.Entry<String, String>> headers(RecordedCase c, JsonNode r) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        list.add(Map.entry("Host", c.fill(r.path("host").asText())));
        JsonNode h = r.path("headers");
        if (h.isObject()) {
            h.fields().forEachRemaining(e -> list.add(Map.entry(e.getKey(), c.fill(e.getValue().asText()))));
        } else if (h.isArray()) {
            h.forEach(pair -> list.add(Map.entry(pair.get(0).asText(), c.fill(pair.get(1).asText()))));
        }
        if (contentLength(r) >= 0) {
            list.add(Map.entry("Content-Length", String.valueOf(contentLength(r))));
        }
        return list;
    }

    /** Which stage of Apache's request processing produced a recorded answer. */
    enum Expectation {
        /** The router decides it: mapping, script resolution, group checks, request limits. */
        ROUTING,
        /** mod_wsgi routed it to the script, which then answered (its own status, load or callable errors). */
        APPLICATION;

        static Expectation of(JsonNode r) {
            String log = r.path("log").toString();
            if (log.contains("Loading Python script") || log.contains("does not contain WSGI application")
                    || log.contains("Exception occurred processing")) {
                return APPLICATION;
            }
            return ROUTING;
        }
    }
}
