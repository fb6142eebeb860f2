package org.wsgi.api.config;

import java.util.Objects;

/**
 * One reason a configuration file was rejected.
 *
 * @param location where the offending directive is
 * @param directive the directive's name as written, or {@code null} for a syntax error outside any directive
 * @param message what is wrong, in the style of Apache's own messages
 */
public record ConfigError(SourceLocation location, String directive, String message) {

    public ConfigError {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line: message}, as logged and shown by the runtime service. */
    @Override
    public String toString() {
        return location + ": " + message;
    }
}
