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
     * The real file system, with one {@code stat} for the common case of a file ({@code java.io.File} answers
     * without allocating attribute objects). A path with a trailing {@code /} after a file is missing, as
     * {@code stat} says.
     */
    FileProbe FILE_SYSTEM = path -> {
        java.io.File f = new java.io.File(UriPath.text(path));
        if (f.isFile()) {
            return path.endsWith("/") ? Kind.MISSING : Kind.FILE;
        }
        return f.isDirectory() ? Kind.DIRECTORY : Kind.MISSING;
    };

}
