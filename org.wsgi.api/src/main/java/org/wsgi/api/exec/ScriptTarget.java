package org.wsgi.api.exec;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Which WSGI callable to run and where.
 *
 * @param script the script file's absolute path
 * @param applicationGroup the application group (interpreter) name; the empty string is {@code %{GLOBAL}}
 * @param callableObject the name of the module-level callable, {@code application} by default
 * @param reloading whether the script's modification time is checked on each request
 *        ({@code WSGIScriptReloading})
 */
public record ScriptTarget(Path script, String applicationGroup, String callableObject, boolean reloading) {

    /** mod_wsgi's default callable name. */
    public static final String DEFAULT_CALLABLE = "application";

    public ScriptTarget {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(applicationGroup, "applicationGroup");
        Objects.requireNonNull(callableObject, "callableObject");
    }
}
