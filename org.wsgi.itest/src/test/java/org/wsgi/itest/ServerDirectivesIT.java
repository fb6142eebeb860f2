package org.wsgi.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * A configuration written for a whole Apache (its core, MPM and module directives around the mod_wsgi ones) is
 * taken, not rejected, and TRACE is Apache core's: echoed without reaching the application, refused by
 * {@code TraceEnable off} (both recorded from the reference).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ServerDirectivesIT extends WsgiTestSupport {

    private static final String APP = "def application(environ, start_response):\n"
            + "    start_response('200 OK', [('Content-Type', 'text/plain')])\n"
            + "    return [environ['REQUEST_METHOD'].encode('ascii')]\n";

    @Test
    public void aWholeApacheSiteIsTakenAndTraceIsTheServersOwn() throws Exception {
        Path dir = deployDir();
        write(dir.resolve("sd.wsgi"), APP);
        write(dir.resolve("site.conf"), "ServerTokens Prod\nServerSignature Off\nTraceEnable On\nKeepAlive On\n"
                + "Timeout 60\nMaxKeepAliveRequests 100\nHostnameLookups Off\nBrowserMatch MSIE nokeepalive\n"
                + "AddDefaultCharset UTF-8\n"
                + "WSGIScriptAlias /sd " + dir.resolve("sd.wsgi") + "\n");
        int port = Integer.parseInt(context.getProperty(PORT_PROPERTY));
        Deadline.poll(15000, () -> http().get("/sd"), r -> r.status() == 200);
        RawHttp.Response app = RawHttp.send(port, "GET", "/sd", List.of(Map.entry("Host", "localhost")), null);
        assertEquals("text/plain; charset=UTF-8", app.headers().get("content-type")); // as the reference sends it
        RawHttp.Response trace = RawHttp.send(port, "TRACE", "/sd?q=1", List.of(Map.entry("Host", "localhost"),
                Map.entry("X-Test", "a  b")), null);
        assertEquals(200, trace.status());
        assertEquals("message/http", trace.headers().get("content-type"));
        assertTrue(trace.text(), trace.text().startsWith("TRACE /sd?q=1 HTTP/1.1\r\n")
                && trace.text().contains("X-Test: a  b\r\n"));
        write(dir.resolve("site.conf"), "TraceEnable off\nWSGIScriptAlias /sd " + dir.resolve("sd.wsgi") + "\n");
        RawHttp.Response refused = Deadline.poll(15000, () -> RawHttp.send(port, "TRACE", "/sd",
                List.of(Map.entry("Host", "localhost")), null), r -> r.status() != 200);
        assertEquals(405, refused.status());
        assertEquals("", refused.headers().get("allow")); // as the reference: TraceEnable off allows nothing
        assertTrue(refused.text(), refused.text().contains("The requested method TRACE is not allowed"));
        Files.delete(dir.resolve("site.conf"));
    }

    /** Apache's default handler, as the reference answered for a 3-byte file. */
    @Test
    public void staticFilesCarryApachesETagRangesAndOptions() throws Exception {
        Path dir = deployDir();
        Path docs = Files.createDirectories(dir.resolve("sd-docs"));
        Path file = Files.writeString(docs.resolve("f.txt"), "hi\n");
        // older than a second, so that its ETag is strong (Apache's is weak within a second of a change)
        Files.setLastModifiedTime(file,
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 10_000));
        write(dir.resolve("docs.conf"), "Alias /sd-docs " + docs + "\n<Directory " + docs + ">\nRequire all granted\n"
                + "LimitRequestBody 10\n</Directory>\n");
        int port = Integer.parseInt(context.getProperty(PORT_PROPERTY));
        List<Map.Entry<String, String>> host = List.of(Map.entry("Host", "localhost"));
        RawHttp.Response whole = Deadline.poll(15000, () -> RawHttp.send(port, "GET", "/sd-docs/f.txt", host, null),
                r -> r.status() == 200);
        String etag = "\"3-" + Long.toHexString(Files.getLastModifiedTime(file).to(java.util.concurrent.TimeUnit
                .MICROSECONDS)) + "\"";
        assertEquals(etag, whole.headers().get("etag"));
        assertEquals("bytes", whole.headers().get("accept-ranges"));
        RawHttp.Response range = RawHttp.send(port, "GET", "/sd-docs/f.txt", List.of(Map.entry("Host", "localhost"),
                Map.entry("Range", "bytes=1-1")), null);
        assertEquals(206, range.status());
        assertEquals("bytes 1-1/3", range.headers().get("content-range"));
        assertEquals("i", range.text());
        assertEquals(304, RawHttp.send(port, "GET", "/sd-docs/f.txt", List.of(Map.entry("Host", "localhost"),
                Map.entry("If-None-Match", etag)), null).status());
        assertEquals(416, RawHttp.send(port, "GET", "/sd-docs/f.txt", List.of(Map.entry("Host", "localhost"),
                Map.entry("Range", "bytes=5-9")), null).status());
        // as the reference: another version's If-Range gets the whole file; If-Match naming none of it is 412
        assertEquals(200, RawHttp.send(port, "GET", "/sd-docs/f.txt", List.of(Map.entry("Host", "localhost"),
                Map.entry("Range", "bytes=1-1"), Map.entry("If-Range", "\"nope\"")), null).status());
        assertEquals(206, RawHttp.send(port, "GET", "/sd-docs/f.txt", List.of(Map.entry("Host", "localhost"),
                Map.entry("Range", "bytes=1-1"), Map.entry("If-Range", etag)), null).status());
        assertEquals(412, RawHttp.send(port, "GET", "/sd-docs/f.txt", List.of(Map.entry("Host", "localhost"),
                Map.entry("If-Match", "\"nope\"")), null).status());
        assertEquals(200, RawHttp.send(port, "GET", "/sd-docs/f.txt", List.of(Map.entry("Host", "localhost"),
                Map.entry("If-Match", etag)), null).status());
        byte[] large = new byte[5 * 1024 * 1024 + 17]; // more than one 4 MiB mapped region
        new java.util.Random(7).nextBytes(large);
        Files.write(docs.resolve("large.bin"), large);
        RawHttp.Response big = RawHttp.send(port, "GET", "/sd-docs/large.bin", host, null);
        assertEquals(200, big.status());
        assertTrue("the whole file, in order", java.util.Arrays.equals(large, big.body()));
        RawHttp.Response tail = RawHttp.send(port, "GET", "/sd-docs/large.bin", List.of(Map.entry("Host",
                "localhost"), Map.entry("Range", "bytes=4194300-")), null);
        assertTrue(java.util.Arrays.equals(java.util.Arrays.copyOfRange(large, 4194300, large.length), tail.body()));
        // as the reference: a method Apache has no number for is not implemented (501), a known one not allowed
        RawHttp.Response foo = RawHttp.send(port, "FOO", "/sd-docs/f.txt", host, null);
        assertEquals(501, foo.status());
        assertEquals("GET,POST,OPTIONS,HEAD,TRACE", foo.headers().get("allow"));
        assertTrue(foo.text(), foo.text().contains("<p>FOO not supported for current URL.<br />\n</p>"));
        assertEquals(405, RawHttp.send(port, "PROPFIND", "/sd-docs/f.txt", host, null).status());
        // Apache's default handler looks for the file for GET, HEAD and POST only
        RawHttp.Response missing = RawHttp.send(port, "OPTIONS", "/sd-docs/missing.txt", host, null);
        assertEquals(200, missing.status());
        assertEquals("GET,POST,OPTIONS,HEAD,TRACE", missing.headers().get("allow"));
        assertEquals(405, RawHttp.send(port, "DELETE", "/sd-docs/missing.txt", host, null).status());
        assertEquals(501, RawHttp.send(port, "FOO", "/sd-docs/missing.txt", host, null).status());
        assertEquals(404, RawHttp.send(port, "GET", "/sd-docs/missing.txt", host, null).status());
        assertEquals(405, RawHttp.send(port, "DELETE", "/sd-docs/f.txt/extra", host, null).status());
        // as the reference: a body larger than LimitRequestBody is refused before the file is looked for
        byte[] body = "more than ten bytes".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        List<Map.Entry<String, String>> sized = List.of(Map.entry("Host", "localhost"),
                Map.entry("Content-Length", String.valueOf(body.length)));
        assertEquals(413, RawHttp.send(port, "POST", "/sd-docs/f.txt", sized, body).status());
        assertEquals(413, RawHttp.send(port, "GET", "/sd-docs/missing.txt", sized, body).status());
        assertEquals(200, RawHttp.send(port, "POST", "/sd-docs/f.txt", List.of(Map.entry("Host", "localhost"),
                Map.entry("Content-Length", "3")), new byte[3]).status());
        RawHttp.Response options = RawHttp.send(port, "OPTIONS", "/sd-docs/f.txt", host, null);
        assertEquals(200, options.status());
        assertEquals("GET,POST,OPTIONS,HEAD,TRACE", options.headers().get("allow"));
        Files.delete(dir.resolve("docs.conf"));
    }
}
