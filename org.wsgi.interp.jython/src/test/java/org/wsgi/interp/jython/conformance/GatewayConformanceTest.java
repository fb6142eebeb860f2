package org.wsgi.interp.jython.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.wsgi.api.exec.ScriptTarget;
import org.wsgi.interp.jython.FakeExchange;
import org.wsgi.interp.jython.Interpreters;
import org.wsgi.interp.jython.interp.JythonInterpreterProvider;

/**
 * Replays every request recorded from Apache + mod_wsgi 4.9.4 by {@code conformance/gateway/record.py} through
 * {@link JythonInterpreterProvider} and the PEP 3333 gateway: one container per case (its requests run in order
 * against one provider, so module state carries over as in Apache's one child), one test per request. Before the
 * first request the scripts mod_wsgi loaded at start-up are {@link JythonInterpreterProvider#preload pre-loaded};
 * a request's {@code before} actions set modification times ({@code touch}) and read side-effect files
 * ({@code probe}). Normalisations: {@link Outcome}; deliberate deviations: {@link #DEVIATIONS}.
 */
class GatewayConformanceTest {

    /**
     * Records where we knowingly answer otherwise, with the reason; each is checked against our own expectation.
     */
    static final Map<String, String> DEVIATIONS = Map.of(
            "headers GET /hdr/hop/Transfer-Encoding",
            "Apache sends the body unchunked after the application's 'Transfer-Encoding: chunked', a corrupt "
                    + "response; we refuse the header with a 500",
            "file_wrapper GET /fw/content-length-long",
            "Apache pads a file shorter than its Content-Length with NUL bytes; we send the file and the response "
                    + "ends truncated (logged)");

    @TempDir
    Path scratch;

    @TestFactory
    Stream<DynamicNode> recordedCases() throws IOException {
        return GatewayCase.names().stream().map(this::container);
    }

    private DynamicContainer container(String name) {
        Replay replay = new Replay(name);
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("start-up (pre-loading)", replay::start));
        List<String> labels;
        try {
            labels = GatewayCase.labels(name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < labels.size(); i++) {
            int index = i;
            tests.add(DynamicTest.dynamicTest(labels.get(i), () -> replay.request(index)));
        }
        tests.add(DynamicTest.dynamicTest("tear down", replay::stop));
        return DynamicContainer.dynamicContainer(name, tests);
    }

    /** The state of one case while its requests are replayed in order. */
    private final class Replay {
        private final String name;
        private GatewayCase recorded;
        private JythonInterpreterProvider provider;

        Replay(String name) {
            this.name = name;
        }

        void start() throws IOException {
            recorded = GatewayCase.load(name, Files.createTempDirectory(scratch, name));
            provider = new JythonInterpreterProvider(Interpreters.engine());
            for (JsonNode p : recorded.startup.path("preloaded")) {
                provider.preload(new ScriptTarget(recorded.path(p.get("script").asText()),
                        recorded.fill(p.get("application_group").asText()), ScriptTarget.DEFAULT_CALLABLE, true));
            }
        }

        void request(int index) throws Exception {
            JsonNode rec = recorded.records.get(index);
            String what = name + " " + rec.path("method").asText("GET") + " " + rec.get("path").asText();
            assertEquals(rec.path("probes").isMissingNode() ? Map.of() : expectedProbes(rec), before(rec), what);
            JsonNode route = rec.get("route");
            assertTrue(route != null && !route.isNull(), what + ": the recording has no route");
            FakeExchange ex = new FakeExchange()
                    .environ(CgiRequest.environ(recorded, rec, route, index + 1L))
                    .input(body(rec));
            Outcome ours = Outcome.run(provider, CgiRequest.target(recorded, route), ex);
            String deviation = DEVIATIONS.get(what);
            if (deviation != null) {
                checkDeviation(what, ours);
                return;
            }
            List<String> diffs = ours.differences(recorded, rec);
            assertTrue(diffs.isEmpty(), what + (rec.has("note") ? " (" + rec.get("note").asText() + ")" : "")
                    + " differs from mod_wsgi:\n  " + String.join("\n  ", diffs));
        }

        void stop() {
            if (provider != null) {
                provider.retainGroups(g -> false);
            }
        }

        private byte[] body(JsonNode rec) {
            byte[] body = CgiRequest.body(rec);
            return body == null ? new byte[0] : body;
        }

        private Map<String, String> before(JsonNode rec) throws IOException {
            Map<String, String> probes = new LinkedHashMap<>();
            for (JsonNode action : rec.path("before")) {
                if (action.has("touch")) {
                    Files.setLastModifiedTime(recorded.root.resolve(action.get("touch").asText()),
                            FileTime.from(action.get("mtime").asLong(), TimeUnit.SECONDS));
                } else if (action.has("probe")) {
                    Path file = recorded.root.resolve(action.get("probe").asText());
                    probes.put(action.get("probe").asText(), Files.exists(file) ? Files.readString(file) : null);
                }
            }
            return probes;
        }

        private Map<String, String> expectedProbes(JsonNode rec) {
            Map<String, String> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = rec.get("probes").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
            }
            return out;
        }

        private void checkDeviation(String what, Outcome ours) throws IOException {
            if (what.endsWith("/hdr/hop/Transfer-Encoding")) {
                assertEquals(500, ours.errorStatus(), what);
            } else {
                assertTrue(ours.truncated(), what);
                assertArrayEquals(Files.readAllBytes(recorded.apps.resolve("data.txt")), ours.body(), what);
            }
        }
    }
}
