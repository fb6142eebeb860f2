package org.wsgi.interp.jython.conformance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.wsgi.api.exec.ScriptTarget;

/**
 * The CGI variables and body of one recorded request, built the way our router's {@code CgiEnvironment} builds them
 * (org.wsgi.router; the router's own conformance test checks it against Apache), from the request the recorder
 * sent and the route mod_wsgi chose (recorded from Apache's subprocess environment).
 */
final class CgiRequest {

    /** {@code CgiEnvironment.SERVER_SOFTWARE}; not recorded (its value is server-specific). */
    static final String SERVER_SOFTWARE = "Apache/2.4 (mod_wsgi-jvm) mod_wsgi/4.9.4 Jython/2.7";

    private CgiRequest() {
    }

    /** The request body the recorder sent, or {@code null} for none. */
    static byte[] body(JsonNode record) {
        if (record.hasNonNull("body_b64")) {
            return Base64.getDecoder().decode(record.get("body_b64").asText());
        }
        if (record.hasNonNull("body")) {
            return record.get("body").asText().getBytes(StandardCharsets.UTF_8);
        }
        return null;
    }

    /** The target the router would pass to the provider for this route. */
    static ScriptTarget target(GatewayCase c, JsonNode route) {
        return new ScriptTarget(c.path(route.get("script").asText()),
                c.fill(route.get("application_group").asText()), route.get("callable_object").asText(),
                "1".equals(route.get("script_reloading").asText()));
    }

    static Map<String, String> environ(GatewayCase c, JsonNode record, JsonNode route, long requestNumber) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : headers(c, record)) {
            env.merge(headerKey(h.getKey()), h.getValue(), (a, b) -> a + ", " + b);
        }
        String contentType = env.remove("HTTP_CONTENT_TYPE");
        if (contentType != null) {
            env.put("CONTENT_TYPE", contentType);
        }
        String contentLength = env.remove("HTTP_CONTENT_LENGTH");
        if (contentLength != null) {
            env.put("CONTENT_LENGTH", contentLength);
        }
        String target = c.fill(record.get("path").asText());
        int q = target.indexOf('?');
        String script = c.fill(route.get("script").asText());
        String scriptName = route.path("SCRIPT_NAME").asText("");
        String pathInfo = route.path("PATH_INFO").asText("");
        env.put("SERVER_SIGNATURE", "");
        env.put("SERVER_SOFTWARE", SERVER_SOFTWARE);
        env.put("SERVER_NAME", "localhost");
        env.put("SERVER_ADDR", "127.0.0.1");
        env.put("SERVER_PORT", GatewayCase.PORT);
        env.put("REMOTE_ADDR", "127.0.0.1");
        env.put("DOCUMENT_ROOT", c.root.resolve("htdocs").toString());
        env.put("REQUEST_SCHEME", "http");
        env.put("CONTEXT_PREFIX", "");
        env.put("CONTEXT_DOCUMENT_ROOT", c.root.resolve("htdocs").toString());
        env.put("SERVER_ADMIN", "[no address given]");
        env.put("SCRIPT_FILENAME", script);
        env.put("REMOTE_PORT", "51234");
        env.put("GATEWAY_INTERFACE", "CGI/1.1");
        env.put("SERVER_PROTOCOL", "HTTP/1.1");
        env.put("REQUEST_METHOD", record.path("method").asText("GET"));
        env.put("QUERY_STRING", q < 0 ? "" : target.substring(q + 1));
        env.put("REQUEST_URI", target);
        env.put("SCRIPT_NAME", scriptName);
        env.put("PATH_INFO", pathInfo);
        env.put("mod_wsgi.script_name", scriptName);
        env.put("mod_wsgi.path_info", pathInfo);
        env.put("mod_wsgi.process_group", route.path("process_group").asText(""));
        env.put("mod_wsgi.application_group", c.fill(route.get("application_group").asText()));
        env.put("mod_wsgi.callable_object", route.get("callable_object").asText());
        env.put("mod_wsgi.request_handler", "wsgi-script");
        env.put("mod_wsgi.handler_script", "");
        env.put("mod_wsgi.script_reloading", route.get("script_reloading").asText());
        env.put("mod_wsgi.listener_host", "");
        env.put("mod_wsgi.listener_port", GatewayCase.PORT);
        env.put("mod_wsgi.enable_sendfile", "0");
        env.put("mod_wsgi.ignore_activity", "0");
        env.put("mod_wsgi.request_id", "replay-" + requestNumber);
        long micros = System.currentTimeMillis() * 1000;
        env.put("mod_wsgi.request_start", String.valueOf(micros));
        env.put("mod_wsgi.script_start", String.valueOf(micros));
        env.put("mod_wsgi.thread_id", String.valueOf(Thread.currentThread().getId()));
        return env;
    }

    /** The header lines the recorder sent: Host, the record's headers, and Content-Length when there is a body. */
    private static List<Map.Entry<String, String>> headers(GatewayCase c, JsonNode record) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        out.add(Map.entry("Host", c.fill(record.path("host").asText("localhost:@PORT@"))));
        JsonNode h = record.path("headers");
        boolean length = false;
        if (h.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = h.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                out.add(Map.entry(e.getKey(), c.fill(e.getValue().asText())));
            }
        } else {
            for (JsonNode pair : h) {
                out.add(Map.entry(pair.get(0).asText(), c.fill(pair.get(1).asText())));
            }
        }
        for (Map.Entry<String, String> e : out) {
            length |= e.getKey().equalsIgnoreCase("Content-Length");
        }
        byte[] body = body(record);
        if (body != null && !length) {
            out.add(Map.entry("Content-Length", String.valueOf(body.length)));
        }
        return out;
    }

    private static String headerKey(String name) {
        StringBuilder b = new StringBuilder("HTTP_");
        for (char ch : name.toCharArray()) {
            b.append(ch == '-' ? '_' : Character.toUpperCase(ch));
        }
        return b.toString();
    }
}
