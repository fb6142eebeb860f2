package org.wsgi.api.config;

import java.util.Objects;

/**
 * Where a directive was written: the file as the operator named it and a 1-based line number.
 *
 * @param file the configuration file's path
 * @param line the line the directive starts on (1-based)
 */
public record SourceLocation(String file, int line) {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
    }

    /** {@code file:line}, the form every error message starts with. */
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
