package org.wsgi.router.match;

/**
 * Apache's directory walk for a mapped file name: the longest existing prefix that is a regular file is the script,
 * the rest is PATH_INFO. mod_wsgi answers 403 for a directory and 404 when no file exists.
 */
public final class ScriptResolver {

    private final FileProbe probe;

    public ScriptResolver(FileProbe probe) {
        this.probe = probe;
    }

    /** The outcome of a walk: a script and its path info, or an error status with mod_wsgi's log message. */
    public record Resolution(String script, String pathInfo, int status, String message) {
        boolean found() {
            return script != null;
        }
    }

    /** Walks {@code filename} (target plus URI remainder). */
    public Resolution resolve(String filename) {
        FileProbe.Kind whole = probe.kind(filename);
        if (whole == FileProbe.Kind.FILE) {
            return new Resolution(filename, "", 200, null);
        }
        if (whole == FileProbe.Kind.DIRECTORY) {
            return directory(filename);
        }
        int end = filename.length();
        while (true) {
            int slash = filename.lastIndexOf('/', end - 1);
            if (slash <= 0) {
                return notFound(filename);
            }
            String prefix = filename.substring(0, slash);
            end = slash;
            if (prefix.endsWith("/")) {
                continue;
            }
            FileProbe.Kind k = probe.kind(prefix);
            if (k == FileProbe.Kind.FILE) {
                return new Resolution(prefix, filename.substring(slash), 200, null);
            }
            if (k == FileProbe.Kind.DIRECTORY) {
                return notFound(filename);
            }
        }
    }

    private static Resolution directory(String filename) {
        return new Resolution(null, null, 403, "Attempt to invoke directory as WSGI application: " + filename);
    }

    private static Resolution notFound(String filename) {
        return new Resolution(null, null, 404, "Target WSGI script not found or unable to stat: " + filename);
    }
}
