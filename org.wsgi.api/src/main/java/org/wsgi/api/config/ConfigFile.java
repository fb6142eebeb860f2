package org.wsgi.api.config;

import java.util.List;
import java.util.Objects;

/**
 * The state of one top-level configuration file of the watched folder.
 *
 * @param path the file's absolute path
 * @param sha256 hex SHA-256 of the content this state describes
 * @param applied {@code true} if this content is part of the live configuration
 * @param errors why this content was rejected; empty when applied. A rejected file's previous good content (if
 *        any) keeps serving, and is described by {@code appliedSha256}
 * @param appliedSha256 hex SHA-256 of the content that is live for this file, or {@code null} if none is
 */
public record ConfigFile(String path, String sha256, boolean applied, List<ConfigError> errors, String appliedSha256) {

    public ConfigFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        errors = List.copyOf(errors);
    }
}
