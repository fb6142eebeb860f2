package org.wsgi.bench.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.wsgi.api.RouteRequest;
import org.wsgi.config.apache.parser.Assembly;
import org.wsgi.config.apache.parser.ConfAssembler;
import org.wsgi.config.apache.parser.ConfParser;
import org.wsgi.config.apache.parser.ParsedFile;
import org.wsgi.router.match.FileProbe;

/**
 * The benchmark configuration: {@code n} mounts over ten script directories, as a site with many small apps would
 * write it. Every tenth mount is delegated to one of ten daemon groups with {@code application-group=%{GLOBAL}};
 * each directory has a {@code <Directory>} section setting one environment variable.
 */
final class MountConfig {

    static final int DIRECTORIES = 10;
    static final String HOST = "bench.example";

    private MountConfig() {
    }

    static String mountPath(int i) {
        return String.format("/app%04d", i);
    }

    static String script(Path scripts, int i) {
        return scripts.resolve("dir" + (i % DIRECTORIES)).resolve(String.format("app%04d.wsgi", i)).toString();
    }

    /** Mounts {@code from} (inclusive) to {@code to} (exclusive); the daemon groups and sections with the first. */
    static String text(Path scripts, int from, int to) {
        StringBuilder b = new StringBuilder(64 * (to - from) + 1024);
        if (from == 0) {
            b.append("ServerName ").append(HOST).append('\n');
            for (int d = 0; d < DIRECTORIES; d++) {
                b.append("WSGIDaemonProcess pool-").append(d).append(" processes=2 threads=15 display-name=%{GROUP}\n");
                b.append("<Directory ").append(scripts.resolve("dir" + d)).append(">\n")
                        .append("    SetEnv BENCH_DIR dir").append(d).append('\n')
                        .append("</Directory>\n");
            }
        }
        for (int i = from; i < to; i++) {
            b.append("WSGIScriptAlias ").append(mountPath(i)).append(' ').append(script(scripts, i));
            if (i % 10 == 9) {
                b.append(" process-group=pool-").append(i / 10 % DIRECTORIES).append(" application-group=%{GLOBAL}");
            }
            b.append('\n');
        }
        return b.toString();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Parses and assembles; fails loudly when the configuration has errors (the benchmark would be void). */
    static Assembly assemble(ConfParser parser, List<Path> files, List<byte[]> contents) {
        List<ParsedFile> parsed = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            parsed.add(parser.parse(files.get(i), contents.get(i)));
        }
        return ConfAssembler.assemble(1, parser.serverRoot(), parsed, List.of());
    }

    static Assembly check(Assembly a, int mounts) {
        if (a.configuration() == null) {
            throw new IllegalStateException("configuration rejected: " + a.errorsByFile());
        }
        int got = a.configuration().main().mounts().size();
        if (got != mounts) {
            throw new IllegalStateException("expected " + mounts + " mounts, got " + got);
        }
        return a;
    }

    /** Says FILE for every {@code .wsgi} path and MISSING for anything else: routing without disk access. */
    static final FileProbe SCRIPTS_ONLY = path -> path.endsWith(".wsgi") ? FileProbe.Kind.FILE : FileProbe.Kind.MISSING;

    /** Creates the script files under {@code scripts} so the real file system probe finds them. */
    static void createScripts(Path scripts, int n) {
        try {
            for (int i = 0; i < n; i++) {
                Path p = Path.of(script(scripts, i));
                Files.createDirectories(p.getParent());
                Files.writeString(p, "def application(environ, start_response):\n    pass\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path root) {
        try (var walk = Files.walk(root)) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FileProbe probe(String name) {
        return switch (name) {
            case "stub" -> SCRIPTS_ONLY;
            case "disk" -> FileProbe.FILE_SYSTEM;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** A browser-like GET of {@code path} on the configured host. */
    static RouteRequest request(String path) {
        return new RouteRequest("GET", "http", HOST, 80, path, "page=2&sort=name", "127.0.0.1",
                Map.of("host", HOST, "user-agent", "Mozilla/5.0", "accept", "*/*"));
    }
}
