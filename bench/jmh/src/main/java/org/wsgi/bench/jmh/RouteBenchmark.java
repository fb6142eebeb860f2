package org.wsgi.bench.jmh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.wsgi.api.Route;
import org.wsgi.api.RouteRequest;
import org.wsgi.config.apache.parser.ConfParser;
import org.wsgi.router.match.AccessFiles;
import org.wsgi.router.match.RoutingTable;

/**
 * One request through the 1,000-mount table: {@code routeAny} cycles through every mount (the average request),
 * {@code routeFirst}/{@code routeLast} are the best and worst positions of the linear scan, {@code routeMiss} a 404.
 * Every request carries a PATH_INFO of two segments, so the script walk probes three paths.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class RouteBenchmark {

    @Param("1000")
    int mounts;

    @Param({ "stub", "disk" })
    String probe;

    private Path root;
    private RoutingTable table;
    private RouteRequest[] all;
    private RouteRequest first;
    private RouteRequest last;
    private RouteRequest miss;

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        root = Files.createTempDirectory("wsgi-jmh-route");
        Path scripts = root.resolve("scripts");
        MountConfig.createScripts(scripts, mounts);
        ConfParser parser = new ConfParser(root);
        Path file = root.resolve("sites.conf");
        var a = MountConfig.check(MountConfig.assemble(parser, List.of(file),
                List.of(MountConfig.bytes(MountConfig.text(scripts, 0, mounts)))), mounts);
        // As the running router has it: .htaccess support on (read only where AllowOverride allows it).
        table = new RoutingTable(a.configuration(), "localhost", MountConfig.probe(probe), System::getenv,
                new AccessFiles(parser::parseAccessFile));
        all = new RouteRequest[mounts];
        for (int i = 0; i < mounts; i++) {
            all[i] = MountConfig.request(MountConfig.mountPath(i) + "/items/42");
        }
        first = all[0];
        last = all[mounts - 1];
        miss = MountConfig.request("/nowhere/items/42");
        for (RouteRequest r : all) {
            Route route = table.route(r);
            if (route.outcome() != Route.Outcome.WSGI) {
                throw new IllegalStateException(r.rawPath() + " routed to " + route);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        MountConfig.deleteTree(root);
    }

    @Benchmark
    public Route routeAny(Cursor c) {
        RouteRequest r = all[c.next];
        c.next = c.next + 1 == all.length ? 0 : c.next + 1;
        return table.route(r);
    }

    @Benchmark
    public Route routeFirst() {
        return table.route(first);
    }

    @Benchmark
    public Route routeLast() {
        return table.route(last);
    }

    @Benchmark
    public Route routeMiss() {
        return table.route(miss);
    }
}
