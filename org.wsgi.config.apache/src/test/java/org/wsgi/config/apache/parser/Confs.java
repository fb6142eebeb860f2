package org.wsgi.config.apache.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.wsgi.api.config.ConfigError;
import org.wsgi.api.config.WsgiConfiguration;

/** Writes configuration text under a server root and parses it, for the tests of this package. */
final class Confs {

    private final Path root;
    private final ConfParser parser;

    Confs(Path root) {
        this.root = root;
        this.parser = new ConfParser(root);
    }

    /** The fixtures directory {@code src/test/resources/parser/<dir>}. */
    static Path resources(String dir) {
        try {
            return Path.of(Confs.class.getResource("/parser/" + dir).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    Path root() {
        return root;
    }

    /** Writes {@code text} to {@code name} under the root (creating directories) and returns its path. */
    Path write(String name, String text) {
        Path file = root.resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    ParsedFile parse(String name, String text) {
        return parser.parse(root.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    ParsedFile parseFile(Path file) {
        try {
            return parser.parse(file, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses {@code text} as {@code x.conf}, failing on any error. */
    ConfFragment fragment(String text) {
        ParsedFile parsed = parse("x.conf", text);
        assertEquals(List.of(), messages(parsed.errors()));
        assertNotNull(parsed.fragment());
        return parsed.fragment();
    }

    /** Parses {@code text} as {@code x.conf} and assembles it alone, failing on any error. */
    WsgiConfiguration configuration(String text) {
        ParsedFile parsed = parse("x.conf", text);
        assertEquals(List.of(), messages(parsed.errors()));
        return assemble(List.of(parsed));
    }

    WsgiConfiguration assemble(List<ParsedFile> files) {
        Assembly assembly = ConfAssembler.assemble(1, root, files, List.of());
        assertEquals(java.util.Map.of(), assembly.errorsByFile());
        return assembly.configuration();
    }

    /** The {@code file:line: message} lines of parsing {@code text} as {@code x.conf}. */
    List<String> errors(String text) {
        return messages(parse("x.conf", text).errors());
    }

    static List<String> messages(List<ConfigError> errors) {
        List<String> out = new ArrayList<>();
        errors.forEach(e -> out.add(e.toString()));
        return out;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
