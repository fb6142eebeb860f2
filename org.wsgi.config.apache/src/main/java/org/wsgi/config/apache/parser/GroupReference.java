package org.wsgi.config.apache.parser;

import org.wsgi.api.config.SourceLocation;

/**
 * A use of a daemon process group that mod_wsgi resolves while reading the configuration (a pre-loading
 * {@code WSGIScriptAlias} or a {@code WSGIImportScript}) and that the file itself did not define before it. The
 * group must come from an earlier file.
 *
 * @param group the group name
 * @param directive the directive that uses it, canonical spelling
 * @param serverName the {@code ServerName} of the context that uses it as known at that point, or {@code null}
 * @param virtualHost whether it is used inside a {@code <VirtualHost>}
 * @param location where it is used
 */
public record GroupReference(String group, String directive, String serverName, boolean virtualHost,
        SourceLocation location) {
}
