package org.wsgi.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.wsgi.api.WsgiRouter;
import org.wsgi.api.WsgiRuntime;
import org.wsgi.api.config.ConfigurationListener;
import org.wsgi.api.runtime.ConfigFileDTO;
import org.wsgi.api.runtime.RuntimeDTO;

/**
 * The first slice end to end, through the real bundles: a {@code .conf} dropped into the watched folder mounts a
 * Jython WSGI app within a second, editing it remounts, deleting it unmounts, errors answer as mod_wsgi does.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DeployFolderIT extends WsgiTestSupport {

    private static final String HELLO = "def application(environ, start_response):\n"
            + "    output = b'Hello World!'\n"
            + "    start_response('200 OK', [('Content-type', 'text/plain'),\n"
            + "                              ('Content-Length', str(len(output)))])\n"
            + "    return [output]\n";

    private static final String ENVIRON = "def application(environ, start_response):\n"
            + "    keys = ['SCRIPT_NAME', 'PATH_INFO', 'mod_wsgi.application_group', 'mod_wsgi.process_group',\n"
            + "            'SCRIPT_FILENAME', 'REQUEST_METHOD', 'QUERY_STRING', 'wsgi.url_scheme']\n"
            + "    body = '\\n'.join('%s=%s' % (k, environ.get(k)) for k in keys).encode('utf-8')\n"
            + "    start_response('200 OK', [('Content-Type', 'text/plain')])\n"
            + "    return [body]\n";

    @Inject
    private WsgiRuntime runtime;

    @Test
    public void addEditDeleteWithoutRestart() throws Exception {
        Path dir = deployDir();
        write(dir.resolve("it-hello.wsgi"), HELLO);
        long before = runtime.getRuntimeDTO().generation;

        write(dir.resolve("app.conf"), "WSGIScriptAlias /it-hello " + dir.resolve("it-hello.wsgi") + "\n");
        waitForGenerationAfter(before, 1000);
        Http.Response hello = Deadline.poll(15000, () -> http().get("/it-hello"), r -> r.status() == 200);
        assertEquals("Hello World!", hello.body());

        long g1 = runtime.getRuntimeDTO().generation;
        write(dir.resolve("app.conf"), "WSGIScriptAlias /greeting " + dir.resolve("it-hello.wsgi") + "\n");
        waitForGenerationAfter(g1, 1000);
        assertEquals(404, http().get("/it-hello").status());
        assertEquals("Hello World!", http().get("/greeting").body());

        long g2 = runtime.getRuntimeDTO().generation;
        Files.delete(dir.resolve("app.conf"));
        waitForGenerationAfter(g2, 1000);
        assertEquals(404, http().get("/greeting").status());
        // The application group of a script no mount reaches any more is torn down.
        Deadline.poll(5000, runtime::getRuntimeDTO, d -> Arrays.stream(d.applicationGroups)
                .noneMatch(g -> g.name.endsWith("|/greeting")));
    }

    @Test
    public void shippedExampleServesHelloWorld() throws Exception {
        Path example = Path.of(System.getProperty("wsgi.example"));
        long before = runtime.getRuntimeDTO().generation;
        // The example's relative script path resolves against the watched folder, as against Apache's ServerRoot.
        Files.copy(example.resolve("hello.wsgi"), deployDir().resolve("hello.wsgi"), StandardCopyOption.REPLACE_EXISTING);
        write(deployDir().resolve("hello.conf"), Files.readString(example.resolve("hello.conf")));
        waitForGenerationAfter(before, 1000);
        Http.Response r = Deadline.poll(15000, () -> http().get("/hello"), x -> x.status() == 200);
        assertEquals("Hello World!", r.body());
    }

    @Test
    public void environFollowsModWsgi() throws Exception {
        Path dir = mount("env", ENVIRON);
        Http.Response r = Deadline.poll(15000, () -> http().get("/env/a/b?x=1"), x -> x.status() == 200);
        String port = context.getProperty(PORT_PROPERTY);
        assertTrue(r.body(), r.body().contains("SCRIPT_NAME=/env\n"));
        assertTrue(r.body(), r.body().contains("PATH_INFO=/a/b\n"));
        assertTrue(r.body(), r.body().contains("QUERY_STRING=x=1\n"));
        assertTrue(r.body(), r.body().contains("mod_wsgi.process_group=\n"));
        assertTrue(r.body(), r.body().contains("mod_wsgi.application_group=") 
                && r.body().contains(":" + port + "|/env\n"));
        assertTrue(r.body(), r.body().contains("SCRIPT_FILENAME=" + dir.resolve("env.wsgi")));
    }

    @Test
    public void headersLeaveAsTheApplicationGaveThem() throws Exception {
        mount("ctype", "def application(environ, start_response):\n"
                + "    start_response('200 OK', [('Content-Type', 'text/html; charset=UTF-8'), ('X-A', 'b;  c')])\n"
                + "    return [b'ok']\n");
        int port = Integer.parseInt(context.getProperty(PORT_PROPERTY));
        RawHttp.Response r = Deadline.poll(15000, () -> RawHttp.send(port, "GET", "/ctype",
                List.of(Map.entry("Host", "localhost")), null), x -> x.status() == 200);
        // Jetty would send its own spelling, "text/html;charset=utf-8", without HttpGenerator.STRICT (runtime.bndrun).
        assertEquals("text/html; charset=UTF-8", r.headers().get("content-type"));
        assertEquals("b;  c", r.headers().get("x-a"));
        // As Apache: neither a length nor chunking for this HEAD (on a connection the client closes; on a keep-alive
        // one Jetty chunks it, a known difference in the README).
        RawHttp.Response head = RawHttp.send(port, "HEAD", "/ctype", List.of(Map.entry("Host", "localhost")), null);
        assertEquals(200, head.status());
        assertEquals(null, head.headers().get("content-length"));
        assertEquals(null, head.headers().get("transfer-encoding"));
    }

    @Test
    public void largeChunksArriveWhole() throws Exception {
        // Chunks of 8 KiB and more gather in pooled 256 KiB direct buffers (more than one buffer-full here), copied
        // in 16 KiB slices: sizes that end on a slice (65,536) and one byte past it, around the 8 KiB threshold,
        // small ones in between, with and without a Content-Length.
        int[] sizes = {100_000, 3, 70_000, 8192, 65_536, 65_537, 8191};
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < sizes.length; i++) {
            expected.append(String.valueOf((char) ('0' + i)).repeat(sizes[i]));
        }
        mount("chunks", "SIZES = " + java.util.Arrays.toString(sizes) + "\n"
                + "def application(environ, start_response):\n"
                + "    body = [(b'%d' % i) * n for i, n in enumerate(SIZES)]\n"
                + "    headers = [('Content-Type', 'text/plain')]\n"
                + "    if environ['QUERY_STRING'] == 'length':\n"
                + "        headers.append(('Content-Length', str(sum(SIZES))))\n"
                + "    start_response('200 OK', headers)\n"
                + "    return body\n");
        for (String query : new String[] {"", "?length"}) {
            Http.Response r = Deadline.poll(15000, () -> http().get("/chunks" + query), x -> x.status() == 200);
            assertEquals(query, expected.length(), r.body().length());
            assertEquals(query, expected.toString(), r.body());
        }
    }

    @Test
    public void aGeneratorsBlockArrivesBeforeTheNextIsProduced() throws Exception {
        // The app yields one small block, then waits (20 s at most) for a file that the test creates only after it
        // has read that block. A server that held the block back until the next one would time the read out.
        Path go = deployDir().resolve("stream.go");
        Files.deleteIfExists(go);
        mount("stream", "import os, time\n"
                + "def application(environ, start_response):\n"
                + "    start_response('200 OK', [('Content-Type', 'text/plain')])\n"
                + "    def body():\n"
                + "        yield b'first;'\n"
                + "        deadline = time.time() + 20\n"
                + "        while not os.path.exists(" + python(go) + ") and time.time() < deadline:\n"
                + "            time.sleep(0.01)\n"
                + "        yield b'second'\n"
                + "    return body()\n");
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1",
                Integer.parseInt(context.getProperty(PORT_PROPERTY)))) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /stream HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            java.io.InputStream in = socket.getInputStream();
            StringBuilder got = new StringBuilder();
            byte[] buf = new byte[4096];
            while (got.indexOf("first;") < 0) {
                int n = in.read(buf); // times out after 10 s if the block is held back
                assertTrue("connection closed before the first block: " + got, n > 0);
                got.append(new String(buf, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            assertTrue("the second block came with the first: " + got, got.indexOf("second") < 0);
            Files.writeString(go, "go");
            for (int n; (n = in.read(buf)) > 0;) {
                got.append(new String(buf, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            assertTrue(got.toString(), got.indexOf("second") > got.indexOf("first;"));
        }
    }

    /** Writes {@code name.wsgi} and mounts it at {@code /name}; returns once that configuration is live. */
    private Path mount(String name, String source) throws Exception {
        Path dir = deployDir();
        write(dir.resolve(name + ".wsgi"), source);
        long before = runtime.getRuntimeDTO().generation;
        write(dir.resolve(name + ".conf"), "WSGIScriptAlias /" + name + " " + dir.resolve(name + ".wsgi") + "\n");
        waitForGenerationAfter(before, 1000);
        return dir;
    }

    private static String python(Path p) {
        return "'" + p.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Test
    public void errorsAnswerAsModWsgi() throws Exception {
        Path dir = deployDir();
        write(dir.resolve("raises.wsgi"), "def application(environ, start_response):\n    raise ValueError('boom')\n");
        write(dir.resolve("nocallable.wsgi"), "x = 1\n");
        long before = runtime.getRuntimeDTO().generation;
        write(dir.resolve("errors.conf"), "WSGIScriptAlias /missing " + dir.resolve("missing.wsgi") + "\n"
                + "WSGIScriptAlias /raises " + dir.resolve("raises.wsgi") + "\n"
                + "WSGIScriptAlias /nocallable " + dir.resolve("nocallable.wsgi") + "\n");
        waitForGenerationAfter(before, 1000);
        assertEquals(404, http().get("/missing").status());
        assertEquals(500, Deadline.poll(15000, () -> http().get("/raises"), x -> x.status() != 404).status());
        assertEquals(404, http().get("/nocallable").status());
    }

    @Test
    public void brokenFileIsRejectedAndLastGoodVersionKeepsServing() throws Exception {
        Path dir = deployDir();
        write(dir.resolve("keep.wsgi"), HELLO);
        long before = runtime.getRuntimeDTO().generation;
        write(dir.resolve("keep.conf"), "WSGIScriptAlias /keep " + dir.resolve("keep.wsgi") + "\n");
        waitForGenerationAfter(before, 1000);
        assertEquals(200, Deadline.poll(15000, () -> http().get("/keep"), x -> x.status() == 200).status());

        long g1 = runtime.getRuntimeDTO().generation;
        write(dir.resolve("keep.conf"), "# broken on line 2\nWSGIScriptAliasTypo /keep2 " + dir.resolve("keep.wsgi") + "\n");
        RuntimeDTO after = waitForGenerationAfter(g1, 1000);
        ConfigFileDTO file = Arrays.stream(after.files).filter(f -> f.path.endsWith("keep.conf")).findFirst()
                .orElseThrow();
        assertEquals(false, file.applied);
        assertTrue(Arrays.toString(file.errors), file.errors[0].contains("keep.conf:2:"));
        assertEquals(200, http().get("/keep").status());
        assertEquals(404, http().get("/keep2").status());
    }

    @Test
    public void applicationCodeCannotEndOrRewireTheServer() throws Exception {
        Path dir = deployDir();
        write(dir.resolve("it-process.wsgi"), "import os, signal\n"
                + "def application(environ, start_response):\n"
                + "    if environ['QUERY_STRING'] == 'exit':\n"
                + "        os._exit(1)\n"
                + "    handler = lambda signum, frame: None\n"
                + "    previous = signal.signal(signal.SIGHUP, handler)\n"
                + "    installed = signal.getsignal(signal.SIGHUP) is handler\n"
                + "    if installed:\n"
                + "        signal.signal(signal.SIGHUP, previous)\n"
                + "    start_response('200 OK', [('Content-Type', 'text/plain')])\n"
                + "    return [('installed=%s' % installed).encode('ascii')]\n");
        String mount = "WSGIScriptAlias /it-process " + dir.resolve("it-process.wsgi") + "\n";
        long before = runtime.getRuntimeDTO().generation;
        write(dir.resolve("process.conf"), mount);
        waitForGenerationAfter(before, 1000);
        Http.Response r = Deadline.poll(15000, () -> http().get("/it-process"), x -> x.status() == 200);
        assertEquals("WSGIRestrictSignal is On by default", "installed=False", r.body());
        assertEquals(500, http().get("/it-process?exit").status());
        assertEquals("os._exit ended only its group", 200, http().get("/it-process").status());

        write(dir.resolve("process.conf"), "WSGIRestrictSignal Off\n" + mount);
        Deadline.poll(5000, () -> http().get("/it-process").body(), b -> b.equals("installed=True"));
        Files.delete(dir.resolve("process.conf"));
    }

    @Test
    public void wsgiPythonPathIsSearchedFirstAndAChangeReachesTheGroups() throws Exception {
        Path dir = deployDir();
        Files.createDirectories(dir.resolve("lib1"));
        Files.createDirectories(dir.resolve("lib2"));
        write(dir.resolve("lib1").resolve("itlib.py"), "WHERE = 'lib1'\n");
        write(dir.resolve("lib2").resolve("itlib.py"), "WHERE = 'lib2'\n");
        write(dir.resolve("it-path.wsgi"), "import itlib\n"
                + "def application(environ, start_response):\n"
                + "    start_response('200 OK', [('Content-Type', 'text/plain')])\n"
                + "    return [itlib.WHERE.encode('ascii')]\n");
        String mount = "WSGIScriptAlias /it-path " + dir.resolve("it-path.wsgi") + "\n";
        write(dir.resolve("path.conf"), "WSGIPythonPath lib1\n" + mount);
        assertEquals("lib1", Deadline.poll(15000, () -> http().get("/it-path"), x -> x.status() == 200).body());
        write(dir.resolve("path.conf"), "WSGIPythonPath " + dir.resolve("lib2") + "\n" + mount);
        Deadline.poll(5000, () -> http().get("/it-path").body(), b -> b.equals("lib2"));
        Files.delete(dir.resolve("path.conf"));
    }

    @Test
    public void listenersHearASnapshotByRankingAndTheRouterFirst() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        ServiceRegistration<ConfigurationListener> low = context.registerService(ConfigurationListener.class,
                c -> heard.add("low " + c.generation()), new Hashtable<>(Map.of(Constants.SERVICE_RANKING, 0)));
        ServiceRegistration<ConfigurationListener> high = context.registerService(ConfigurationListener.class,
                c -> heard.add("high " + c.generation()), new Hashtable<>(Map.of(Constants.SERVICE_RANKING, 50)));
        try {
            Path dir = deployDir();
            write(dir.resolve("it-order.wsgi"), HELLO);
            long before = runtime.getRuntimeDTO().generation;
            Deadline.poll(5000, () -> heard.size(), n -> n >= 2); // each hears the current snapshot on binding
            write(dir.resolve("order.conf"), "WSGIScriptAlias /it-order " + dir.resolve("it-order.wsgi") + "\n");
            long g = waitForGenerationAfter(before, 1000).generation;
            Deadline.poll(5000, () -> heard.contains("low " + g), found -> found);
            assertTrue(heard.toString(), heard.indexOf("high " + g) < heard.indexOf("low " + g));
            ServiceReference<?>[] refs = context.getServiceReferences(ConfigurationListener.class.getName(), null);
            ServiceReference<?> router = Arrays.stream(refs).filter(r -> Arrays.asList(
                    (String[]) r.getProperty(Constants.OBJECTCLASS)).contains(WsgiRouter.class.getName()))
                    .findFirst().orElseThrow();
            assertTrue("the router hears a snapshot before the group lifecycle",
                    Arrays.stream(refs).allMatch(r -> r == router || router.compareTo(r) > 0));
            Files.delete(dir.resolve("order.conf"));
        } finally {
            low.unregister();
            high.unregister();
        }
    }

    private RuntimeDTO waitForGenerationAfter(long generation, long millis) throws Exception {
        return Deadline.poll(millis, runtime::getRuntimeDTO, d -> d.generation > generation);
    }

}
