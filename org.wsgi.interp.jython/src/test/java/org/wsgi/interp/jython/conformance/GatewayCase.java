package org.wsgi.interp.jython.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One case recorded by {@code conformance/gateway/record.py} (format: conformance/gateway/README.md), copied into a
 * scratch folder as the recorder copied it into Apache's server root: the case folder is {@code @ROOT@}, the shared
 * apps folder {@code @APPS@}. Placeholders in recorded strings are filled with the copies' paths and {@link #PORT}.
 */
final class GatewayCase {

    /** The fixtures, relative to this module (the working directory of its tests). */
    static final Path FIXTURES = Path.of("..", "conformance", "gateway");
    /** The port our replay pretends to listen on (stands for {@code @PORT@}). */
    static final String PORT = "18600";
    private static final ObjectMapper JSON = new ObjectMapper();

    final String name;
    final Path root;
    final Path apps;
    final List<JsonNode> records = new ArrayList<>();
    final JsonNode startup;

    private GatewayCase(String name, Path scratch) throws IOException {
        this.name = name;
        Path source = FIXTURES.resolve(name);
        this.root = copy(source, scratch.resolve("case"));
        this.apps = copy(FIXTURES.resolve("apps"), scratch.resolve("apps"));
        JsonNode spec = JSON.readTree(source.resolve("requests.json").toFile());
        for (JsonNode dir : spec.path("writable")) {
            Files.createDirectories(root.resolve(dir.asText()));
        }
        JSON.readTree(source.resolve("expected.json").toFile()).forEach(records::add);
        Path startupFile = source.resolve("startup.json");
        this.startup = Files.exists(startupFile) ? JSON.readTree(startupFile.toFile()) : JSON.createObjectNode();
    }

    /** Every recorded case, by folder name. */
    static List<String> names() throws IOException {
        try (Stream<Path> dirs = Files.list(FIXTURES)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("expected.json")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        }
    }

    /** A label per recorded request, e.g. {@code #3 GET /resp/tuple}. */
    static List<String> labels(String name) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode r : JSON.readTree(FIXTURES.resolve(name).resolve("expected.json").toFile())) {
            out.add("#" + (out.size() + 1) + " " + r.path("method").asText("GET") + " " + r.path("path").asText());
        }
        return out;
    }

    /** Reads the case's fixtures and copies its files into {@code scratch}. */
    static GatewayCase load(String name, Path scratch) throws IOException {
        return new GatewayCase(name, scratch);
    }

    static JsonNode parse(String json) throws IOException {
        return JSON.readTree(json);
    }

    /** A recorded string with {@code @ROOT@}, {@code @APPS@} and {@code @PORT@} filled in. */
    String fill(String recorded) {
        return recorded.replace("@ROOT@", root.toString()).replace("@APPS@", apps.toString())
                .replace("@PORT@", PORT);
    }

    /** A recorded path ({@code @ROOT@/...} or {@code @APPS@/...}) as a path in the scratch copy. */
    Path path(String recorded) {
        return Path.of(fill(recorded));
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(f -> {
                try {
                    Path target = to.resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(f, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return to.toAbsolutePath().normalize();
    }
}
