package org.wsgi.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.wsgi.api.WsgiRuntime;
import org.wsgi.api.runtime.ConfigFileDTO;
import org.wsgi.api.runtime.RuntimeDTO;

/**
 * Configuration changes under load: while clients request a mounted app without pause, files are added, changed,
 * broken, fixed and removed. Not one request may fail; the broken file is reported with its line, and the last
 * good configuration serves throughout.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SteadyStreamIT extends WsgiTestSupport {

    private static final int CLIENTS = 4;
    private static final String HELLO = "def application(environ, start_response):\n"
            + "    start_response('200 OK', [('Content-Type', 'text/plain')])\n"
            + "    return [b'steady']\n";

    @Inject
    private WsgiRuntime runtime;

    @Test
    public void changesUnderLoadDropNoRequest() throws Exception {
        Path dir = deployDir();
        write(dir.resolve("steady.wsgi"), HELLO);
        String mount = "WSGIScriptAlias /steady " + dir.resolve("steady.wsgi") + "\n"
                + "<Location /server-status>\nSetHandler server-status\n</Location>\n";
        long g0 = runtime.getRuntimeDTO().generation;
        write(dir.resolve("steady.conf"), mount);
        waitForGenerationAfter(g0);
        Deadline.poll(15000, () -> http().get("/steady"), r -> r.status() == 200);

        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong ok = new AtomicLong();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(CLIENTS);
        long clientDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int i = 0; i < CLIENTS; i++) {
            Thread t = new Thread(() -> {
                try {
                    while (!stop.get() && System.nanoTime() < clientDeadline) {
                        try {
                            Http.Response r = http().get("/steady");
                            if (r.status() == 200 && r.body().equals("steady")) {
                                ok.incrementAndGet();
                            } else {
                                failures.add(r.status() + " " + r.body());
                            }
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "steady-client-" + i);
            t.setDaemon(true);
            t.start();
        }
        try {
            long before = ok.get();
            Deadline.poll(10000, ok::get, n -> n > before + 20);

            change(() -> write(dir.resolve("other.conf"), "WSGIScriptAlias /other " + dir.resolve("steady.wsgi") + "\n"));
            assertEquals(200, http().get("/other").status());

            change(() -> write(dir.resolve("steady.conf"), mount + "WSGIScriptAlias /steady2 "
                    + dir.resolve("steady.wsgi") + "\n"));
            assertEquals(200, http().get("/steady2").status());

            RuntimeDTO broken = change(() -> write(dir.resolve("steady.conf"), mount + "\nNoSuchDirective here\n"));
            ConfigFileDTO file = Arrays.stream(broken.files).filter(f -> f.path.endsWith("steady.conf")).findFirst()
                    .orElseThrow();
            assertFalse(file.applied);
            assertTrue(Arrays.toString(file.errors), file.errors[0].contains("steady.conf:6:"));
            assertEquals("the last good version still mounts /steady2", 200, http().get("/steady2").status());
            String status = http().get("/server-status?auto").body();
            assertTrue(status, status.contains("ConfigError: steady.conf:6: Invalid command"));
            assertTrue(status, status.contains("ConfigGeneration: " + broken.generation));

            change(() -> write(dir.resolve("steady.conf"), mount));
            assertEquals(404, http().get("/steady2").status());

            change(() -> Files.delete(dir.resolve("other.conf")));
            assertEquals(404, http().get("/other").status());

            long after = ok.get();
            Deadline.poll(10000, ok::get, n -> n > after + 20);
        } finally {
            stop.set(true);
            assertTrue("clients stop", done.await(30, TimeUnit.SECONDS));
        }
        List<String> failed = new ArrayList<>(failures);
        assertEquals("failed requests out of " + (ok.get() + failed.size()), List.of(), failed);
        assertTrue("requests served: " + ok.get(), ok.get() > 100);
    }

    private interface FileChange {
        void run() throws Exception;
    }

    private RuntimeDTO change(FileChange c) throws Exception {
        long g = runtime.getRuntimeDTO().generation;
        c.run();
        return waitForGenerationAfter(g);
    }

    private RuntimeDTO waitForGenerationAfter(long generation) throws Exception {
        return Deadline.poll(1000, runtime::getRuntimeDTO, d -> d.generation > generation);
    }

}
