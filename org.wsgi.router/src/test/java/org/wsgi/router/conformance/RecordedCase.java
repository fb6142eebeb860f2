package org.wsgi.router.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One routing case recorded from Apache + mod_wsgi (conformance/README.md), copied into a scratch folder with its
 * placeholders filled in, ready to be configured and replayed.
 */
final class RecordedCase {

    static final Path CONFORMANCE = Path.of("..", "conformance").toAbsolutePath().normalize();
    static final int PORT = 18501;
    private static final ObjectMapper JSON = new ObjectMapper();

    final String name;
    final Path root;
    final Path apps;
    final Path serverRoot;
    final List<JsonNode> records = new ArrayList<>();

    private RecordedCase(String name, Path scratch) throws IOException {
        this.name = name;
        this.root = scratch.resolve("case");
        this.apps = scratch.resolve("apps");
        this.serverRoot = scratch.resolve("serverroot");
        Files.createDirectories(serverRoot.resolve("htdocs"));
        copy(CONFORMANCE.resolve("apps"), apps);
        copy(CONFORMANCE.resolve("routing").resolve(name), root);
        for (JsonNode r : JSON.readTree(root.resolve("expected.json").toFile())) {
            records.add(r);
        }
    }

    static List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(CONFORMANCE.resolve("routing"))) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static RecordedCase load(String name, Path scratch) throws IOException {
        return new RecordedCase(name, scratch);
    }

    /** A recorded string with the placeholders of this copy filled in. */
    String fill(String s) {
        return s.replace("@ROOT@", root.toString()).replace("@APPS@", apps.toString())
                .replace("@SERVERROOT@", serverRoot.toString()).replace("@PORT@", String.valueOf(PORT));
    }

    /** The base configuration modwsgi-ref wraps every snippet in, as far as routing is concerned. */
    String baseConf() {
        return "ServerName localhost\nDocumentRoot \"" + serverRoot.resolve("htdocs") + "\"\n";
    }

    private void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    byte[] bytes = Files.readAllBytes(p);
                    try {
                        String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes))
                                .toString();
                        Files.writeString(target, fill(text));
                    } catch (MalformedInputException e) {
                        Files.write(target, bytes);
                    } catch (java.nio.charset.CharacterCodingException e) {
                        throw new UncheckedIOException(e);
                    }
                    Files.setLastModifiedTime(target, Files.getLastModifiedTime(p));
                }
            }
        }
    }
}
