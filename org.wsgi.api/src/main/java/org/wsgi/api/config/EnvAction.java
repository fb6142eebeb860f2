package org.wsgi.api.config;

/**
 * A {@code SetEnv} or {@code UnsetEnv} in one context, applied in order when contexts are merged.
 *
 * @param name the variable
 * @param value the value for a set, {@code null} for an unset
 * @param location where it was written
 */
public record EnvAction(String name, String value, SourceLocation location) {

    /** {@code true} for {@code UnsetEnv}. */
    public boolean unset() {
        return value == null;
    }
}
