package org.wsgi.interp.jython.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.wsgi.api.exec.InterpreterProvider;
import org.wsgi.api.exec.ScriptTarget;
import org.wsgi.api.exec.WsgiException;
import org.wsgi.interp.jython.FakeExchange;

/**
 * What our provider did with one request, and how it compares with the recording. The documented normalisations
 * (conformance/gateway/README.md, "Replay"):
 * <ul>
 * <li>An answer Apache made from its own error document ({@code error_document}) is compared by status only: ours
 * is a {@link WsgiException}, whose page the router writes.</li>
 * <li>Header names are compared case-insensitively and in name order (Apache moves Content-Type last); values are
 * trimmed as HTTP parsing trims them; Date, Server, Keep-Alive, Connection and Transfer-Encoding are the HTTP
 * server's framing and are ignored on both sides.</li>
 * <li>{@code truncated} (the client saw fewer bytes than announced) is, for us, an exception after the headers
 * went out or a body shorter than the Content-Length we passed on: either makes the HTTP server abort the
 * response.</li>
 * <li>JSON bodies (the environ probe) are compared as JSON; {@link #ROUTER_ONLY_KEYS} are set by the router only.</li>
 * </ul>
 */
record Outcome(String statusLine, List<Map.Entry<String, String>> headers, byte[] body, boolean truncated,
        int errorStatus) {

    /** Framing headers of the HTTP server, not of the application. */
    private static final Set<String> FRAMING = Set.of("date", "server", "keep-alive", "connection",
            "transfer-encoding");
    /**
     * CGI keys Apache sets that our router does not (reported to its owner): {@code PATH_TRANSLATED} (Apache's
     * DocumentRoot + PATH_INFO). The gateway passes on whatever the router gives.
     */
    static final Set<String> ROUTER_ONLY_KEYS = Set.of("PATH_TRANSLATED");

    /** Runs the request through the provider. */
    static Outcome run(InterpreterProvider provider, ScriptTarget target, FakeExchange ex) {
        boolean aborted = false;
        try {
            provider.execute(target, ex);
        } catch (WsgiException e) {
            if (ex.headersSent()) {
                throw new AssertionError("WsgiException after the headers were sent", e);
            }
            return new Outcome(null, List.of(), new byte[0], false, e.status());
        } catch (RuntimeException e) {
            if (!ex.headersSent()) {
                throw e;
            }
            aborted = true;
        }
        byte[] body = ex.bodyBytes();
        boolean shortBody = ex.contentLength >= 0 && body.length < ex.contentLength;
        return new Outcome(ex.status, ex.headers, body, aborted || shortBody, 0);
    }

    /** Every difference from the recorded answer, empty when none. */
    List<String> differences(GatewayCase c, JsonNode rec) throws IOException {
        List<String> out = new ArrayList<>();
        int status = rec.get("status").asInt();
        if (rec.get("error_document").asBoolean()) {
            if (errorStatus != status) {
                out.add("Apache answered " + status + " from its error document, we "
                        + (errorStatus == 0 ? statusLine : "failed with " + errorStatus));
            }
            return out;
        }
        if (errorStatus != 0) {
            out.add("we failed with " + errorStatus + ", Apache answered " + status + " " + rec.get("reason").asText());
            return out;
        }
        String expectedStatus = String.format(Locale.ROOT, "%03d %s", status, rec.get("reason").asText());
        if (!expectedStatus.equals(statusLine)) {
            out.add("status '" + statusLine + "' instead of '" + expectedStatus + "'");
        }
        List<String> expectedHeaders = normalise(c, rec.get("response_headers"));
        List<String> ourHeaders = normalise(headers);
        if (!expectedHeaders.equals(ourHeaders)) {
            out.add("headers " + ourHeaders + " instead of " + expectedHeaders);
        }
        if (rec.get("truncated").asBoolean() != truncated) {
            out.add(truncated ? "we truncated the response, Apache did not" : "Apache's response was truncated, ours not");
        }
        byte[] expected = expectedBody(c, rec);
        if (isJson(ourHeaders)) {
            JsonNode want = withoutRouterKeys(GatewayCase.parse(new String(expected, StandardCharsets.UTF_8)));
            JsonNode got = withoutRouterKeys(GatewayCase.parse(new String(body, StandardCharsets.UTF_8)));
            if (!want.equals(got)) {
                out.add("JSON body differs: " + jsonDiff(want, got));
            }
        } else if (!java.util.Arrays.equals(expected, body)) {
            out.add("body '" + text(body) + "' instead of '" + text(expected) + "'");
        }
        return out;
    }

    private static byte[] expectedBody(GatewayCase c, JsonNode rec) {
        if (rec.has("response_body_b64")) {
            return Base64.getDecoder().decode(rec.get("response_body_b64").asText());
        }
        return c.fill(rec.get("response_body").asText()).getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> normalise(GatewayCase c, JsonNode recorded) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (JsonNode pair : recorded) {
            pairs.add(Map.entry(pair.get(0).asText(), c.fill(pair.get(1).asText())));
        }
        return normalise(pairs);
    }

    private static List<String> normalise(List<Map.Entry<String, String>> pairs) {
        List<Map.Entry<String, String>> kept = new ArrayList<>();
        for (Map.Entry<String, String> h : pairs == null ? List.<Map.Entry<String, String>>of() : pairs) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (!FRAMING.contains(name)) {
                kept.add(Map.entry(name, h.getValue().strip()));
            }
        }
        kept.sort(Comparator.comparing(Map.Entry::getKey));
        return kept.stream().map(h -> h.getKey() + ": " + h.getValue()).toList();
    }

    private static boolean isJson(List<String> headers) {
        return headers.stream().anyMatch(h -> h.startsWith("content-type: application/json"));
    }

    private static JsonNode withoutRouterKeys(JsonNode node) {
        if (node instanceof ObjectNode) {
            ((ObjectNode) node).remove(ROUTER_ONLY_KEYS);
        }
        return node;
    }

    private static String jsonDiff(JsonNode want, JsonNode got) {
        List<String> diffs = new ArrayList<>();
        want.fieldNames().forEachRemaining(k -> {
            if (!want.get(k).equals(got.get(k))) {
                diffs.add(k + "=" + got.get(k) + " instead of " + want.get(k));
            }
        });
        got.fieldNames().forEachRemaining(k -> {
            if (!want.has(k)) {
                diffs.add(k + " not in Apache's environ");
            }
        });
        return String.join("; ", diffs);
    }

    private static String text(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.ISO_8859_1);
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
