package org.wsgi.api.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads a per-directory access file ({@code .htaccess}) as Apache does while it walks the directories of a
 * request: only the directive classes its directory's {@code AllowOverride} lets through are accepted, anything
 * else makes the whole file an error (Apache then answers 500 for every request below that directory). Implemented
 * by the configuration bundle, used by the router. Thread-safe.
 */
@ProviderType
public interface AccessFileParser {

    /**
     * What one access file says.
     *
     * @param settings its directives, to merge after the {@code <Directory>} sections of its directory
     * @param files the {@code <Files>}/{@code <FilesMatch>} sections inside it
     * @param errors why the file is refused, in Apache's words; empty when it is usable
     */
    record AccessFile(DirectorySettings settings, List<Section> files, List<ConfigError> errors) {

        public AccessFile {
            Objects.requireNonNull(settings, "settings");
            files = List.copyOf(files);
            errors = List.copyOf(errors);
        }
    }

    /**
     * @param file the access file, for messages and for resolving relative paths
     * @param content its bytes
     * @param overrides the {@code AllowOverride} classes in effect, lower case ({@code fileinfo},
     *        {@code authconfig}, {@code limit}, {@code options}, {@code indexes}; {@code all} for every class)
     * @return never {@code null}; never throws for any content
     */
    AccessFile parse(Path file, byte[] content, Set<String> overrides);
}
