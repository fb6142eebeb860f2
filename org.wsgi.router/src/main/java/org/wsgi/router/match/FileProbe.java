package org.wsgi.router.match;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** What the file system holds at a path; an interface so the matcher can be tested without files. */
@FunctionalInterface
public interface FileProbe {

    /** The kinds of entry Apache's directory walk distinguishes. */
    enum Kind {
        FILE, DIRECTORY, MISSING
    }

    /** @param path a byte-string path ({@link UriPath#bytes}) */
    Kind kind(String path);

    /** The real file system. A path with a trailing {@code /} after a file is missing, as {@code stat} says. */
    FileProbe FILE_SYSTEM = path -> {
        try {
            BasicFileAttributes a = Files.readAttributes(Path.of(UriPath.text(path)), BasicFileAttributes.class);
            if (a.isDirectory()) {
                return Kind.DIRECTORY;
            }
            return path.endsWith("/") ? Kind.MISSING : Kind.FILE;
        } catch (java.io.IOException | InvalidPathException e) {
            return Kind.MISSING;
        }
    };

}
