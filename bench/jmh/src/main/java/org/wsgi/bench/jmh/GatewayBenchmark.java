package org.wsgi.bench.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.wsgi.api.exec.ScriptTarget;
import org.wsgi.api.exec.WsgiExchange;
import org.wsgi.interp.jython.interp.JythonEngine;
import org.wsgi.interp.jython.interp.JythonInterpreterProvider;

/**
 * Our own code of one request, without Jetty and the kernel: the embedded provider runs {@code bench/apps/hello.wsgi}
 * or {@code environ.wsgi} for an exchange that replays the variables of one of run.py's requests (its browser
 * headers; the client port, request id and start time change per request, as they do on the wire) and discards the
 * body. Covers the group's entry, the reload check (the router's stat is not in it: the target carries the
 * modification time, as the router's does), the environ dict, the Python call, start_response's checks and the
 * body's copy. The HTTP benchmark's per-request CPU is this plus the servlet container, routing and the socket;
 * here the difference between two builds is visible without the noise of a shared 2-core machine. The apps are
 * read from {@code -Dwsgi.bench.apps} (default {@code ../apps}, i.e. run from {@code bench/jmh}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class GatewayBenchmark {

    /** What a request of run.py carries, in the order the router emits it; "*" values change per request. */
    private static final String[][] VARIABLES = {
        {"HTTP_HOST", "127.0.0.1:18080"},
        {"HTTP_USER_AGENT", "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/120.0"},
        {"HTTP_ACCEPT", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"},
        {"HTTP_ACCEPT_LANGUAGE", "en-US,en;q=0.5"},
        {"HTTP_ACCEPT_ENCODING", "gzip, deflate"},
        {"HTTP_COOKIE", "session=abc123; theme=dark"},
        {"HTTP_CACHE_CONTROL", "no-cache"},
        {"wsgi.url_scheme", "http"},
        {"SERVER_SIGNATURE", ""},
        {"SERVER_SOFTWARE", "Apache/2.4 (mod_wsgi-jvm) mod_wsgi/4.9.4 Jython/2.7"},
        {"SERVER_NAME", "127.0.0.1"},
        {"SERVER_ADDR", "127.0.0.1"},
        {"SERVER_PORT", "18080"},
        {"REMOTE_ADDR", "127.0.0.1"},
        {"DOCUMENT_ROOT", "/srv/wsgi/htdocs"},
        {"REQUEST_SCHEME", "http"},
        {"CONTEXT_PREFIX", ""},
        {"CONTEXT_DOCUMENT_ROOT", "/srv/wsgi/htdocs"},
        {"SERVER_ADMIN", "[no address given]"},
        {"SCRIPT_FILENAME", null},
        {"REMOTE_PORT", "*"},
        {"GATEWAY_INTERFACE", "CGI/1.1"},
        {"SERVER_PROTOCOL", "HTTP/1.1"},
        {"REQUEST_METHOD", "GET"},
        {"QUERY_STRING", ""},
        {"REQUEST_URI", "/app"},
        {"SCRIPT_NAME", "/app"},
        {"PATH_INFO", ""},
        {"mod_wsgi.script_name", "/app"},
        {"mod_wsgi.path_info", ""},
        {"mod_wsgi.process_group", ""},
        {"mod_wsgi.application_group", "127.0.0.1|/app"},
        {"mod_wsgi.callable_object", "application"},
        {"mod_wsgi.request_handler", "wsgi-script"},
        {"mod_wsgi.handler_script", ""},
        {"mod_wsgi.script_reloading", "1"},
        {"mod_wsgi.listener_host", "127.0.0.1"},
        {"mod_wsgi.listener_port", "18080"},
        {"mod_wsgi.enable_sendfile", "0"},
        {"mod_wsgi.ignore_activity", "0"},
        {"mod_wsgi.request_id", "*"},
        {"mod_wsgi.request_start", "*"},
        {"mod_wsgi.script_start", "*"},
        {"mod_wsgi.thread_id", "1"},
    };

    private JythonEngine engine;
    private JythonInterpreterProvider provider;
    private ScriptTarget hello;
    private ScriptTarget environ;
    private long requests;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path apps = Path.of(System.getProperty("wsgi.bench.apps", "../apps")).toAbsolutePath().normalize();
        engine = new JythonEngine(GatewayBenchmark.class.getClassLoader(), false, true);
        provider = new JythonInterpreterProvider(engine);
        hello = target(apps.resolve("hello.wsgi"));
        environ = target(apps.resolve("environ.wsgi"));
    }

    /** As the router makes it: with the modification time its stat saw, so the reload check needs no stat. */
    private static ScriptTarget target(Path script) throws IOException {
        return new ScriptTarget(script, "127.0.0.1|/app", "application", true,
                Files.getLastModifiedTime(script).toMillis());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        provider.close();
    }

    @Benchmark
    public long hello() throws Exception {
        Exchange exchange = new Exchange(hello, ++requests);
        provider.execute(hello, exchange);
        return exchange.written;
    }

    @Benchmark
    public long environ() throws Exception {
        Exchange exchange = new Exchange(environ, ++requests);
        provider.execute(environ, exchange);
        return exchange.written;
    }

    /** One request: the variables above, an empty body, and a response that is counted and dropped. */
    private static final class Exchange extends OutputStream implements WsgiExchange {
        private final String script;
        private final String changing;
        private boolean sent;
        long written;

        Exchange(ScriptTarget target, long n) {
            this.script = target.script().toString();
            this.changing = Long.toString(n);
        }

        @Override
        public Map<String, String> environ() {
            throw new UnsupportedOperationException("the gateway uses environ(sink)");
        }

        @Override
        public void environ(BiConsumer<String, String> sink) {
            for (String[] v : VARIABLES) {
                sink.accept(v[0], v[1] == null ? script : v[1].equals("*") ? changing : v[1]);
            }
        }

        @Override
        public InputStream input() {
            return InputStream.nullInputStream();
        }

        @Override
        public void sendHeaders(String status, List<Map.Entry<String, String>> headers, long contentLength) {
            sent = true;
        }

        @Override
        public boolean headersSent() {
            return sent;
        }

        @Override
        public OutputStream body() {
            return this;
        }

        @Override
        public void write(int b) {
            written++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            written += len;
        }

        @Override
        public String logTag() {
            return "[client 127.0.0.1:1]";
        }
    }
}
