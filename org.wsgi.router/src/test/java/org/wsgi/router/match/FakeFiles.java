package org.wsgi.router.match;

import java.util.Set;

/** A file system of a few known files and directories; everything else is missing. */
record FakeFiles(Set<String> files, Set<String> directories) implements FileProbe {

    @Override
    public Kind kind(String path) {
        String p = path.replaceAll("/+", "/");
        if (files.contains(p)) {
            return Kind.FILE;
        }
        String dir = p.endsWith("/") && p.length() > 1 ? p.substring(0, p.length() - 1) : p;
        return directories.contains(dir) ? Kind.DIRECTORY : Kind.MISSING;
    }
}
