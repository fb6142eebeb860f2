package org.wsgi.config.apache.parser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Parses one top-level configuration file written in Apache's configuration language with mod_wsgi's
 * directives. Thread-safe: each call works on its own state.
 */
public final class ConfParser {

    private final Path serverRoot;

    /**
     * @param serverRoot what relative paths ({@code Include}, script targets, {@code DocumentRoot}) resolve
     *        against, as Apache's {@code ServerRoot}
     */
    public ConfParser(Path serverRoot) {
        this.serverRoot = Objects.requireNonNull(serverRoot, "serverRoot").toAbsolutePath().normalize();
    }

    public Path serverRoot() {
        return serverRoot;
    }

    /**
     * Parses {@code content} as the file {@code file}; files it includes are read from disk.
     *
     * @return the fragment, or every problem found as a {@link org.wsgi.api.config.ConfigError}; never throws
     *         for any content
     */
    public ParsedFile parse(Path file, byte[] content) {
        ConfReader reader = new ConfReader(serverRoot, file);
        reader.read(new String(content, StandardCharsets.UTF_8));
        FragmentBuilder fragment = reader.fragment();
        return new ParsedFile(file, sha256(content), reader.errors().isEmpty() ? fragment.build() : null,
                reader.errors(), reader.includedFiles(), fragment.notices());
    }

    /** Lower-case hex SHA-256 of {@code content}. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
