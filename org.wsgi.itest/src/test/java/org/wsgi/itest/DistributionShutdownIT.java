package org.wsgi.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

/**
 * The distribution as the README starts it ({@code java -jar wsgi.jar}), stopped as a service manager stops it:
 * SIGTERM tears the application groups down, so their atexit handlers run, as mod_wsgi's do at Apache's shutdown.
 */
public class DistributionShutdownIT {

    @Test
    public void sigtermRunsTheAtexitHandlersOfEveryGroup() throws Exception {
        Path deploy = Files.createTempDirectory("wsgi-dist-deploy");
        Path marker = deploy.resolve("atexit-ran");
        Files.writeString(deploy.resolve("imp.py"), "import atexit\n"
                + "def gone():\n"
                + "    open(" + StartupPreloadIT.pyString(marker.toString()) + ", 'w').close()\n"
                + "atexit.register(gone)\n");
        Files.writeString(deploy.resolve("hi.wsgi"), "def application(environ, start_response):\n"
                + "    start_response('200 OK', [('Content-Type', 'text/plain')])\n"
                + "    return [b'hi']\n");
        Files.writeString(deploy.resolve("app.conf"),
                "WSGIImportScript " + deploy.resolve("imp.py") + " process-group=%{GLOBAL} application-group=I\n"
                + "WSGIScriptAlias /hi " + deploy.resolve("hi.wsgi") + "\n");
        int port = freePort();
        Path log = deploy.resolve("server.log");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dwsgi.port=" + port, "-Dwsgi.deploy=" + deploy, "-Dgosh.args=--nointeractive", "-jar",
                System.getProperty("wsgi.distribution")).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        try {
            Http.Response hi = Deadline.poll(60_000, () -> get(port), r -> r != null && r.status() == 200);
            assertEquals("hi", hi.body());
            Deadline.poll(15_000, () -> Files.readString(log), text -> text.contains("Create interpreter 'I'"));
            server.destroy(); // SIGTERM
            assertTrue("the server did not exit on SIGTERM", server.waitFor(30, TimeUnit.SECONDS));
            assertTrue("atexit did not run; log:\n" + Files.readString(log), Files.exists(marker));
        } finally {
            server.destroyForcibly();
        }
    }

    private static Http.Response get(int port) {
        try {
            return new Http(port).get("/hi");
        } catch (IOException notYet) {
            return null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
