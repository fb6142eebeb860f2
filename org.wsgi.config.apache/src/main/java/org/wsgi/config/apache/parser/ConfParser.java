package org.wsgi.config.apache.parser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.wsgi.api.config.AccessFileParser;
import org.wsgi.api.config.Section;
import org.wsgi.api.config.SourceLocation;

/**
 * Parses one top-level configuration file written in Apache's configuration language with mod_wsgi's
 * directives. Thread-safe: each call works on its own state.
 */
public final class ConfParser {

    private final Path serverRoot;
    private final UnaryOperator<String> environment;

    /**
     * @param serverRoot what relative paths ({@code Include}, script targets, {@code DocumentRoot}) resolve
     *        against, as Apache's {@code ServerRoot}
     */
    public ConfParser(Path serverRoot) {
        this(serverRoot, System::getenv);
    }

    /**
     * @param environment where a {@code ${NAME}} that no {@code Define} set is looked up (Apache: its process
     *        environment), {@code null} when absent
     */
    public ConfParser(Path serverRoot, UnaryOperator<String> environment) {
        this.serverRoot = Objects.requireNonNull(serverRoot, "serverRoot").toAbsolutePath().normalize();
        this.environment = Objects.requireNonNull(environment, "environment");
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
        return parse(file, content, Defines.NONE);
    }

    /** As {@link #parse(Path, byte[])}, with {@code defines} as the files read before this one left them. */
    public ParsedFile parse(Path file, byte[] content, Defines defines) {
        ConfReader reader = new ConfReader(serverRoot, file, defines, environment);
        reader.read(new String(content, StandardCharsets.UTF_8));
        FragmentBuilder fragment = reader.fragment();
        return new ParsedFile(file, sha256(content), reader.errors().isEmpty() ? fragment.build() : null,
                reader.errors(), reader.includedFiles(), fragment.notices(), defines,
                fragment.variables().snapshot());
    }

    /**
     * Parses an access file ({@code .htaccess}) of the directory it is in, accepting only the directive classes in
     * {@code overrides} (the {@code AllowOverride} words in effect, lower case).
     */
    public AccessFileParser.AccessFile parseAccessFile(Path file, byte[] content, Set<String> overrides) {
        return parseAccessFile(file, content, overrides, Defines.NONE);
    }

    /**
     * As {@link #parseAccessFile(Path, byte[], Set)}, with what the configuration's {@code Define}s left: Apache's
     * defines are global, so an access file's {@code <IfDefine>} and {@code ${NAME}} see them.
     */
    public AccessFileParser.AccessFile parseAccessFile(Path file, byte[] content, Set<String> overrides,
            Defines defines) {
        int mask = overrideMask(overrides);
        if (mask == 0) {
            return new AccessFileParser.AccessFile(org.wsgi.api.config.DirectorySettings.EMPTY, List.of(), List.of());
        }
        Path dir = file.toAbsolutePath().getParent();
        SectionBuilder access = new SectionBuilder(Section.Type.DIRECTORY, dir == null ? "/" : dir.toString(), false,
                new SourceLocation(file.toString(), 1));
        ConfReader reader = new ConfReader(serverRoot, file, mask, access, defines, environment);
        reader.read(new String(content, StandardCharsets.UTF_8));
        return new AccessFileParser.AccessFile(access.build().settings(),
                reader.fragment().main().build().sections(), reader.errors());
    }

    /** The override classes named by {@code AllowOverride} words as directive context bits. */
    static int overrideMask(Set<String> overrides) {
        int mask = 0;
        for (String word : overrides) {
            String w = word.toLowerCase(Locale.ROOT);
            int eq = w.indexOf('=');
            switch (eq < 0 ? w : w.substring(0, eq)) {
                case "all" -> mask |= Directive.OR_ALL;
                case "fileinfo" -> mask |= Directive.FILEINFO;
                case "authconfig" -> mask |= Directive.AUTHCFG;
                case "limit" -> mask |= Directive.LIMIT;
                case "options" -> mask |= Directive.OPTIONS;
                case "indexes" -> mask |= Directive.INDEXES;
                default -> {
                    // "none" and "nonfatal=...": no class
                }
            }
        }
        return mask;
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
