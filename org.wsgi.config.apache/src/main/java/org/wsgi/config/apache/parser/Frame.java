package org.wsgi.config.apache.parser;

import org.wsgi.api.config.SourceLocation;

/** One open section on the reader's stack. */
final class Frame {

    /** What the frame does with the lines inside it. */
    enum Mode {
        /** Lines are read in the frame's context. */
        READ,
        /** Lines are skipped: a false conditional, or a section already refused. */
        SKIP
    }

    final SectionKind kind;
    final String name;
    final SourceLocation location;
    final Mode mode;
    final ServerBuilder server;
    final SectionBuilder section;
    /** Sections opened inside a skipped frame and not yet closed. */
    int nested;

    Frame(SectionKind kind, String name, SourceLocation location, Mode mode, ServerBuilder server,
            SectionBuilder section) {
        this.kind = kind;
        this.name = name;
        this.location = location;
        this.mode = mode;
        this.server = server;
        this.section = section;
    }

    static Frame skip(String name, SourceLocation location) {
        return new Frame(null, name, location, Mode.SKIP, null, null);
    }

    boolean skipping() {
        return mode == Mode.SKIP;
    }
}
