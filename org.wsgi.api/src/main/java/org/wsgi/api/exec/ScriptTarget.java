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
 * @param modified the script's modification time in milliseconds as the router saw it while routing this
 *        request, so the reload check needs no second {@code stat}; {@code -1} when unknown
 */
public record ScriptTarget(Path script, String applicationGroup, String callableObject, boolean reloading,
        long modified) {

    /** A target whose modification time the provider reads itself. */
    public ScriptTarget(Path script, String applicationGroup, String callableObject, boolean reloading) {
        this(script, applicationGroup, callableObject, reloading, -1);
    }

    /** mod_wsgi's default callable name. */
    public static final String DEFAULT_CALLABLE = "application";

    public ScriptTarget {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(applicationGroup, "applicationGroup");
        Objects.requireNonNull(callableObject, "callableObject");
    }
}
