package org.wsgi.config.apache.parser;

/**
 * One row of the directive table, in the shape of Apache's {@code command_rec}.
 *
 * @param name the canonical spelling
 * @param shape how many arguments it takes
 * @param allowed where it may be written: a combination of the context bits below
 * @param handler what it does to the configuration being built
 * @param help Apache's one-line description, appended to argument-count complaints
 */
record Directive(String name, ArgShape shape, int allowed, Handler handler, String help) {

    /** Server config and virtual host ({@code RSRC_CONF}). */
    static final int RSRC = 1;
    /** {@code <Directory>}, {@code <Location>}, {@code <Files>} sections ({@code ACCESS_CONF}). */
    static final int ACCESS = 1 << 1;
    /** {@code .htaccess} with {@code AllowOverride FileInfo} ({@code OR_FILEINFO}). */
    static final int FILEINFO = 1 << 2;
    /** {@code .htaccess} with {@code AllowOverride AuthConfig} ({@code OR_AUTHCFG}); never at server level. */
    static final int AUTHCFG = 1 << 3;
    /** {@code .htaccess} with {@code AllowOverride Limit} ({@code OR_LIMIT}); never at server level. */
    static final int LIMIT = 1 << 4;
    /** {@code .htaccess} with {@code AllowOverride Options} ({@code OR_OPTIONS}). */
    static final int OPTIONS = 1 << 5;
    /** {@code .htaccess} with {@code AllowOverride Indexes} ({@code OR_INDEXES}). */
    static final int INDEXES = 1 << 6;
    /** Every {@code .htaccess} class. */
    static final int OR_ALL = FILEINFO | AUTHCFG | LIMIT | OPTIONS | INDEXES;
    /** Main server only: refused inside {@code <VirtualHost>} ({@code GLOBAL_ONLY}). */
    static final int GLOBAL_ONLY = 1 << 7;

    /** What a directive may be written in at server or virtual host level (as Apache's top-level override). */
    static final int SERVER_LEVEL = RSRC | (OR_ALL & ~(AUTHCFG | LIMIT));
    /** What a directive may be written in inside a section. */
    static final int SECTION_LEVEL = ACCESS | OR_ALL;

    /** Applies one occurrence of a directive. */
    @FunctionalInterface
    interface Handler {
        /**
         * @return {@code null} when accepted, else the reason in Apache's words (without the directive name,
         *         unless the message starts with it)
         */
        String apply(DirectiveCall call);
    }

    /** Whether the directive may be written in a context with override mask {@code level}. */
    boolean allowedAt(int level) {
        return (allowed & level & ~GLOBAL_ONLY) != 0;
    }

    boolean globalOnly() {
        return (allowed & GLOBAL_ONLY) != 0;
    }
}
