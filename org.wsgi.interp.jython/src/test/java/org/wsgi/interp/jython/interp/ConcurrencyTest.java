package org.wsgi.interp.jython.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsgi.interp.jython.Interpreters.app;
import static org.wsgi.interp.jython.Interpreters.target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsgi.api.exec.ScriptTarget;
import org.wsgi.interp.jython.FakeExchange;
import org.wsgi.interp.jython.Interpreters;

/** Many request threads at once: no lock around Python calls, groups and reloads stay consistent. */
class ConcurrencyTest {

    private static final int THREADS = 8;
    private static final int REQUESTS = 150;

    @TempDir
    Path dir;

    private JythonInterpreterProvider provider;
    private ExecutorService pool;

    @BeforeEach
    void start() {
        provider = new JythonInterpreterProvider(Interpreters.engine());
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void stop() throws Exception {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        provider.retainGroups(g -> false);
    }

    @Test
    void parallelRequestsAllSucceed() throws Exception {
        ScriptTarget hello = target(app("hello.wsgi"), "par", "validated", false);
        ScriptTarget environ = target(app("environ.wsgi"), "par2", "application", false);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            ScriptTarget target = t % 2 == 0 ? hello : environ;
            results.add(pool.submit(() -> {
                go.await();
                int ok = 0;
                for (int i = 0; i < REQUESTS; i++) {
                    FakeExchange ex = new FakeExchange().put("HTTP_X_THREAD", Thread.currentThread().getName());
                    provider.execute(target, ex);
                    if ("200 OK".equals(ex.status)
                            && (target == hello ? ex.bodyText().equals("Hello World!")
                                    : ex.bodyText().contains("HTTP_X_THREAD|str|" + Thread.currentThread().getName()))) {
                        ok++;
                    }
                }
                return ok;
            }));
        }
        go.countDown();
        for (Future<Integer> result : results) {
            assertEquals(REQUESTS, result.get(120, TimeUnit.SECONDS));
        }
        long requests = provider.applicationGroups().stream().filter(g -> g.name.startsWith("par"))
                .mapToLong(g -> g.scripts[0].requests).sum();
        assertEquals((long) THREADS * REQUESTS, requests);
    }

    @Test
    void requestsRunningDuringAReloadFinishOnTheOldCode() throws Exception {
        Path script = dir.resolve("slow.wsgi");
        Files.writeString(script, "from org.wsgi.interp.jython.interp import Gate\n"
                + "def application(environ, start_response):\n"
                + "    Gate.arrive()\n"
                + "    start_response('200 OK', [('Content-Type', 'text/plain')])\n"
                + "    return [b'old']\n");
        Files.setLastModifiedTime(script, FileTime.fromMillis(1_000_000L));
        ScriptTarget target = target(script, "inflight", "application", true);
        Gate.reset();
        Future<String> old = pool.submit(() -> {
            FakeExchange ex = new FakeExchange();
            provider.execute(target, ex);
            return ex.bodyText();
        });
        assertTrue(Gate.ARRIVED.get().await(30, TimeUnit.SECONDS), "the first request reached the app");

        Files.writeString(script, "def application(environ, start_response):\n"
                + "    start_response('200 OK', [('Content-Type', 'text/plain')])\n"
                + "    return [b'new']\n");
        Files.setLastModifiedTime(script, FileTime.fromMillis(2_000_000L));
        FakeExchange ex = new FakeExchange();
        provider.execute(target, ex);
        assertEquals("new", ex.bodyText());

        Gate.RELEASE.get().countDown();
        assertEquals("old", old.get(30, TimeUnit.SECONDS));
    }

    @Test
    void retiredGroupIsTornDownWhenItsLastRequestEnds() throws Exception {
        Path script = dir.resolve("blocking.wsgi");
        Path marker = dir.resolve("marker.txt");
        Files.writeString(script, "import atexit\n"
                + "from org.wsgi.interp.jython.interp import Gate\n"
                + "def done():\n"
                + "    open(r'" + marker + "', 'w').write('done')\n"
                + "atexit.register(done)\n"
                + "def application(environ, start_response):\n"
                + "    Gate.arrive()\n"
                + "    start_response('200 OK', [('Content-Type', 'text/plain')])\n"
                + "    return [b'finished']\n");
        Gate.reset();
        Future<String> running = pool.submit(() -> {
            FakeExchange ex = new FakeExchange();
            provider.execute(target(script, "retired", "application", false), ex);
            return ex.bodyText();
        });
        assertTrue(Gate.ARRIVED.get().await(30, TimeUnit.SECONDS));
        provider.retainGroups(g -> false);
        assertTrue(Files.notExists(marker), "the group stays while a request runs in it");
        Gate.RELEASE.get().countDown();
        assertEquals("finished", running.get(30, TimeUnit.SECONDS));
        assertEquals("done", Files.readString(marker));
    }
}
