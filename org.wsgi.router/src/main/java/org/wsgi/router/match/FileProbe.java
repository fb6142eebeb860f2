package org.wsgi.router.match;


/** What the file system holds at a path; an interface so the matcher can be tested without files. */
@FunctionalInterface
public interface FileProbe {

    /** The kinds of entry Apache's directory walk distinguishes. */
    enum Kind {
        FILE, DIRECTORY, MISSING
    }

    /** @param path a byte-string path ({@link UriPath#bytes}) */
    Kind kind(String path);

    /**
     * The kind of a path and, for a file, its modification time in milliseconds ({@code -1} when the probe does
     * not know it): one {@code stat} where the file system is real.
     */
    default Stat stat(String path) {
        return new Stat(kind(path), -1);
    }

    /** What one {@code stat} says. */
    record Stat(Kind kind, long modified) {
    }

    /**
     * The real file system, with one {@code stat} for the common case of a file ({@code java.io.File} answers
     * without allocating attribute objects). A path with a trailing {@code /} after a file is missing, as
     * {@code stat} says.
     */
    FileProbe FILE_SYSTEM = new FileProbe() {
        @Override
        public Kind kind(String path) {
            java.io.File f = new java.io.File(UriPath.text(path));
            if (f.isFile()) {
                return path.endsWith("/") ? Kind.MISSING : Kind.FILE;
            }
            return f.isDirectory() ? Kind.DIRECTORY : Kind.MISSING;
        }

        @Override
        public Stat stat(String path) {
            try {
                java.nio.file.attribute.BasicFileAttributes a = java.nio.file.Files.readAttributes(
                        java.nio.file.Path.of(UriPath.text(path)),
                        java.nio.file.attribute.BasicFileAttributes.class);
                if (a.isRegularFile()) {
                    return path.endsWith("/") ? new Stat(Kind.MISSING, -1)
                            : new Stat(Kind.FILE, a.lastModifiedTime().toMillis());
                }
                return new Stat(a.isDirectory() ? Kind.DIRECTORY : Kind.MISSING, -1);
            } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
                return new Stat(Kind.MISSING, -1);
            }
        }
    };

}
