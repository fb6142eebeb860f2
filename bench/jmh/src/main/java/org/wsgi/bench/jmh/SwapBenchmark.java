package org.wsgi.bench.jmh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.wsgi.api.config.WsgiConfiguration;
import org.wsgi.config.apache.parser.Assembly;
import org.wsgi.config.apache.parser.ConfAssembler;
import org.wsgi.config.apache.parser.ConfParser;
import org.wsgi.config.apache.parser.ParsedFile;
import org.wsgi.router.match.FileProbe;
import org.wsgi.router.match.RoutingTable;

/**
 * The configuration swap: what happens between a {@code .conf} change and the new routing table being live,
 * minus the file watcher: parse, assemble, compile. {@code swap} is the whole of it for one 1,000-mount file;
 * {@code swapSplit} the same mounts spread over 100 files of 10 (all re-parsed); the others are its parts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class SwapBenchmark {

    @Param("1000")
    int mounts;

    /** {@code stub}: a probe that never touches the disk; {@code disk}: the real file system with real files. */
    @Param({ "stub", "disk" })
    String probe;

    private Path root;
    private ConfParser parser;
    private List<Path> oneFile;
    private List<byte[]> oneContent;
    private List<Path> splitFiles;
    private List<byte[]> splitContents;
    private List<ParsedFile> parsedOne;
    private WsgiConfiguration assembled;
    private FileProbe fileProbe;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        root = Files.createTempDirectory("wsgi-jmh-swap");
        Path scripts = root.resolve("scripts");
        MountConfig.createScripts(scripts, mounts);
        parser = new ConfParser(root);
        fileProbe = MountConfig.probe(probe);
        oneFile = List.of(root.resolve("sites.conf"));
        oneContent = List.of(MountConfig.bytes(MountConfig.text(scripts, 0, mounts)));
        splitFiles = new ArrayList<>();
        splitContents = new ArrayList<>();
        for (int from = 0; from < mounts; from += 10) {
            splitFiles.add(root.resolve(String.format("site%04d.conf", from / 10)));
            splitContents.add(MountConfig.bytes(MountConfig.text(scripts, from, Math.min(mounts, from + 10))));
        }
        MountConfig.check(MountConfig.assemble(parser, splitFiles, splitContents), mounts);
        parsedOne = List.of(parser.parse(oneFile.get(0), oneContent.get(0)));
        assembled = MountConfig.check(MountConfig.assemble(parser, oneFile, oneContent), mounts).configuration();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        MountConfig.deleteTree(root);
    }

    @Benchmark
    public RoutingTable swap() {
        WsgiConfiguration c = MountConfig.assemble(parser, oneFile, oneContent).configuration();
        return new RoutingTable(c, "localhost", fileProbe, System::getenv);
    }

    @Benchmark
    public RoutingTable swapSplit() {
        WsgiConfiguration c = MountConfig.assemble(parser, splitFiles, splitContents).configuration();
        return new RoutingTable(c, "localhost", fileProbe, System::getenv);
    }

    @Benchmark
    public ParsedFile parseOnly() {
        return parser.parse(oneFile.get(0), oneContent.get(0));
    }

    @Benchmark
    public Assembly assembleOnly() {
        return ConfAssembler.assemble(1, root, parsedOne, List.of());
    }

    @Benchmark
    public RoutingTable compileOnly() {
        return new RoutingTable(assembled, "localhost", fileProbe, System::getenv);
    }
}
