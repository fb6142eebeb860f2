package org.wsgi.config.apache.parser;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.wsgi.api.config.ConfigError;

/**
 * The outcome of parsing one top-level file.
 *
 * @param file the file as given to {@link ConfParser#parse}
 * @param sha256 hex SHA-256 of the content parsed
 * @param fragment what the file contributes, or {@code null} when {@code errors} is not empty
 * @param errors why the file is rejected, in the order found; empty when it parsed
 * @param includedFiles every file read through {@code Include}/{@code IncludeOptional}, absolute, so that a
 *        watcher can re-parse this file when one of them changes
 * @param notices {@code file:line: text} lines to log at info level (directives accepted but ignored)
 * @param definesIn what {@code Define} had set before the file was read (by the files before it)
 * @param definesOut what {@code Define} had set when the file (with its includes) had been read
 */
public record ParsedFile(Path file, String sha256, ConfFragment fragment, List<ConfigError> errors,
        Set<Path> includedFiles, List<String> notices, Defines definesIn, Defines definesOut) {

    public ParsedFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(definesIn, "definesIn");
        Objects.requireNonNull(definesOut, "definesOut");
        errors = List.copyOf(errors);
        includedFiles = Set.copyOf(includedFiles);
        notices = List.copyOf(notices);
        if (errors.isEmpty() == (fragment == null)) {
            throw new IllegalArgumentException("exactly one of fragment and errors must be present");
        }
    }

    /** A file read with nothing defined and defining nothing. */
    public ParsedFile(Path file, String sha256, ConfFragment fragment, List<ConfigError> errors,
            Set<Path> includedFiles, List<String> notices) {
        this(file, sha256, fragment, errors, includedFiles, notices, Defines.NONE, Defines.NONE);
    }
}
