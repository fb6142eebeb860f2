package org.wsgi.router.match;

/**
 * Apache's directory walk for a mapped file name: the longest existing prefix that is a regular file is the
 * resource, the rest is PATH_INFO; a name that exists entirely may be a directory; anything else is missing.
 */
public final class ScriptResolver {

    private final FileProbe probe;

    public ScriptResolver(FileProbe probe) {
        this.probe = probe;
    }

    /**
     * Where a walk ended.
     *
     * @param path the existing file or directory (byte string), or the whole name when nothing fits
     * @param kind {@link FileProbe.Kind#FILE} (with {@code pathInfo} the rest), {@link FileProbe.Kind#DIRECTORY}
     *        (the whole name is a directory) or {@link FileProbe.Kind#MISSING}
     * @param pathInfo what follows the file, for a file
     * @param modified the file's modification time in milliseconds when the probe told it, else {@code -1}
     */
    public record Walk(String path, FileProbe.Kind kind, String pathInfo, long modified) {

        Walk(String path, FileProbe.Kind kind, String pathInfo) {
            this(path, kind, pathInfo, -1);
        }
    }

    /**
     * Walks {@code filename}, trying first whether its first {@code targetLength} characters (the mount's target)
     * name a file: then that file is where Apache's walk from the root would stop too, with one {@code stat}
     * instead of one per missing segment.
     */
    public Walk walk(String filename, int targetLength) {
        if (targetLength > 0 && targetLength < filename.length() && filename.charAt(targetLength) == '/'
                && filename.charAt(targetLength - 1) != '/') {
            String target = filename.substring(0, targetLength);
            FileProbe.Stat stat = probe.stat(target);
            if (stat.kind() == FileProbe.Kind.FILE) {
                return new Walk(target, FileProbe.Kind.FILE, filename.substring(targetLength), stat.modified());
            }
        }
        return walk(filename);
    }

    /** Walks {@code filename} (a target plus the URI remainder, byte string). */
    public Walk walk(String filename) {
        FileProbe.Stat whole = probe.stat(filename);
        if (whole.kind() != FileProbe.Kind.MISSING) {
            return new Walk(filename, whole.kind(), "", whole.modified());
        }
        int end = filename.length();
        while (true) {
            int slash = filename.lastIndexOf('/', end - 1);
            if (slash <= 0) {
                return new Walk(filename, FileProbe.Kind.MISSING, "");
            }
            String prefix = filename.substring(0, slash);
            end = slash;
            if (prefix.endsWith("/")) {
                continue;
            }
            FileProbe.Stat k = probe.stat(prefix);
            if (k.kind() == FileProbe.Kind.FILE) {
                return new Walk(prefix, FileProbe.Kind.FILE, filename.substring(slash), k.modified());
            }
            if (k.kind() == FileProbe.Kind.DIRECTORY) {
                return new Walk(filename, FileProbe.Kind.MISSING, "");
            }
        }
    }
}
