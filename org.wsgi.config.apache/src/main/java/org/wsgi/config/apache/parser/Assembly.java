package org.wsgi.config.apache.parser;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.wsgi.api.config.ConfigError;
import org.wsgi.api.config.WsgiConfiguration;

/**
 * The outcome of merging parsed files.
 *
 * @param configuration the merged snapshot, or {@code null} when {@code errorsByFile} is not empty
 * @param errorsByFile the rules broken across files, by the top-level file holding (directly or through an
 *        include) the offending directive; each error's location names the exact file and line
 */
public record Assembly(WsgiConfiguration configuration, Map<Path, List<ConfigError>> errorsByFile) {

    public Assembly {
        errorsByFile = Map.copyOf(errorsByFile);
    }
}
