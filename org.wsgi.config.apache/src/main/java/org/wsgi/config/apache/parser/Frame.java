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
    /** For {@code <Limit>}/{@code <LimitExcept>}: the opening as written, e.g. {@code <Limit GET POST>}. */
    final String limit;
    /** Sections opened inside a skipped frame and not yet closed. */
    int nested;
    /** Inside a false conditional: the names of the sections opened in it and not yet closed, innermost first. */
    final java.util.Deque<String> soaking = new java.util.ArrayDeque<>();
    /** An error was reported for this frame already: no "was not closed" on top of it. */
    boolean reported;

    Frame(SectionKind kind, String name, SourceLocation location, Mode mode, ServerBuilder server,
            SectionBuilder section) {
        this(kind, name, location, mode, server, section, null);
    }

    Frame(SectionKind kind, String name, SourceLocation location, Mode mode, ServerBuilder server,
            SectionBuilder section, String limit) {
        this.kind = kind;
        this.name = name;
        this.location = location;
        this.mode = mode;
        this.server = server;
        this.section = section;
        this.limit = limit;
    }

    static Frame skip(String name, SourceLocation location) {
        return new Frame(null, name, location, Mode.SKIP, null, null);
    }

    /**
     * The innermost open section that is a context of its own (not a conditional), or {@code null} at the top
     * level: what Apache names in "not allowed in <...> context".
     */
    static Frame context(Iterable<Frame> innermostFirst) {
        for (Frame f : innermostFirst) {
            if (f.kind != null && !f.kind.conditional()) {
                return f;
            }
        }
        return null;
    }

    /** Apache's complaint about {@code what} written where its override class is not allowed. */
    static String notAllowed(String what, Iterable<Frame> innermostFirst) {
        Frame context = context(innermostFirst);
        return context == null ? what + " not allowed here"
                : what + " not allowed in <" + context.kind.directive() + "> context";
    }

    boolean skipping() {
        return mode == Mode.SKIP;
    }
}
