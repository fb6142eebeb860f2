package org.wsgi.config.apache.folder;

import java.nio.file.Path;
import java.util.Map;

/**
 * What was last seen of one top-level file and the files it includes: enough to tell cheaply whether anything
 * needs parsing again.
 *
 * @param file the top-level file
 * @param stamps modification time and size of the file and of every file it included, when last read
 */
record FileState(Path file, Map<Path, Stamp> stamps) {

    /** A file's modification time and size; a missing file has {@link #MISSING}. */
    record Stamp(long mtime, long size) {
        static final Stamp MISSING = new Stamp(-1, -1);
    }
}
