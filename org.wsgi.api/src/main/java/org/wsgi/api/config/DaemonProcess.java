package org.wsgi.api.config;

import java.util.Map;
import java.util.Objects;

/**
 * A {@code WSGIDaemonProcess} definition: a named group of supervised processes.
 *
 * @param name the group name, unique in the whole configuration
 * @param options every option as written ({@code name=value}), in order, names lower-case
 * @param serverName the {@code ServerName} of the virtual host it was defined in, or {@code null} when defined
 *        at global scope; only that virtual host (or any, when global) may delegate to it
 * @param location where the directive was written
 */
public record DaemonProcess(String name, Map<String, String> options, String serverName, SourceLocation location) {

    /** mod_wsgi's default number of request threads per process. */
    public static final int DEFAULT_THREADS = 15;

    public DaemonProcess {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        options = Map.copyOf(options);
    }

    /** {@code processes=}, default 1. */
    public int processes() {
        return intOption("processes", 1);
    }

    /** {@code threads=}, default 15; 0 means a service-script-only group. */
    public int threads() {
        return intOption("threads", DEFAULT_THREADS);
    }

    /** {@code wsgi.multiprocess}: true if and only if the {@code processes} option was given at all. */
    public boolean multiprocess() {
        return options.containsKey("processes");
    }

    /** {@code maximum-requests=}, default 0 (never recycle). */
    public int maximumRequests() {
        return intOption("maximum-requests", 0);
    }

    /** An integer option, or {@code fallback} when absent. Values were validated by the parser. */
    public int intOption(String option, int fallback) {
        String v = options.get(option);
        return v == null ? fallback : Integer.parseInt(v);
    }
}
