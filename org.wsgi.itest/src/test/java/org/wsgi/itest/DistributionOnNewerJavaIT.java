package org.wsgi.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeFalse;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.Test;

/**
 * The distribution on the Java releases installed beside the one the build runs on (on this project's machines a
 * Temurin next to Debian's OpenJDK 17). Java 24 removed the security manager, and bnd 7.1's launcher set a
 * {@code java.security.Policy} unconditionally, so {@code java -jar wsgi.jar} died at start on the current LTS.
 */
public class DistributionOnNewerJavaIT {

    @Test
    public void theJarServesOnEveryInstalledJavaFrom24On() throws Exception {
        List<Path> javas = newerJavas();
        assumeFalse("no Java 24 or later installed beside " + System.getProperty("java.home"), javas.isEmpty());
        Path deploy = Files.createTempDirectory("wsgi-newer-java");
        Files.writeString(deploy.resolve("hi.wsgi"), "def application(environ, start_response):\n"
                + "    start_response('200 OK', [('Content-Type', 'text/plain')])\n"
                + "    return [b'hi']\n");
        Files.writeString(deploy.resolve("app.conf"), "WSGIScriptAlias /hi " + deploy.resolve("hi.wsgi") + "\n");
        for (Path java : javas) {
            int port = freePort();
            Path log = deploy.resolve("server-" + java.getParent().getParent().getFileName() + ".log");
            Process server = new ProcessBuilder(java.toString(), "-Dwsgi.port=" + port, "-Dwsgi.deploy=" + deploy,
                    "-Dgosh.args=--nointeractive", "-jar", System.getProperty("wsgi.distribution"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                Http.Response hi = Deadline.poll(60_000, () -> alive(server, port, log), r -> r != null);
                assertEquals(java + " answered " + hi.status(), "hi", hi.body());
                server.destroy();
                assertTrue(java + ": no exit on SIGTERM", server.waitFor(30, TimeUnit.SECONDS));
            } finally {
                server.destroyForcibly();
            }
        }
    }

    /** The response, null while the port is closed; fails at once (with the log) if the server has exited. */
    private static Http.Response alive(Process server, int port, Path log) throws IOException {
        try {
            return new Http(port).get("/hi");
        } catch (IOException notYet) {
            if (!server.isAlive()) {
                throw new AssertionError("the server exited with " + server.exitValue() + "; log:\n"
                        + Files.readString(log));
            }
            return null;
        }
    }

    /** {@code bin/java} of each JDK in java.home's parent folder whose {@code release} says 24 or later. */
    private static List<Path> newerJavas() throws IOException {
        List<Path> found = new ArrayList<>();
        Path home = Path.of(System.getProperty("java.home")).toRealPath();
        try (Stream<Path> siblings = Files.list(home.getParent())) {
            for (Path jdk : (Iterable<Path>) siblings.sorted()::iterator) {
                Path release = jdk.resolve("release");
                Path java = jdk.resolve("bin").resolve("java");
                if (Files.isSymbolicLink(jdk) || !Files.isRegularFile(release) || !Files.isExecutable(java)) {
                    continue;
                }
                Properties p = new Properties();
                try (var in = Files.newBufferedReader(release)) {
                    p.load(in);
                }
                String version = p.getProperty("JAVA_VERSION", "\"0\"").replace("\"", "");
                if (Integer.parseInt(version.split("[.+-]")[0]) >= 24) {
                    found.add(java);
                }
            }
        }
        return found;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
