package org.wsgi.config.apache.parser;

/**
 * The context a directive is written in.
 *
 * @param fragment what the file contributes so far
 * @param server the main server or the enclosing {@code <VirtualHost>}
 * @param section the innermost enclosing section, or {@code null} at server level
 * @param limit the enclosing {@code <Limit>}/{@code <LimitExcept>} opening as written (inside {@code section}),
 *        or {@code null}
 * @param includes reads included files in this context
 */
record Scope(FragmentBuilder fragment, ServerBuilder server, SectionBuilder section, String limit,
        Includes includes) {

    /** Reads the files an {@code Include} names, in the current context. */
    @FunctionalInterface
    interface Includes {
        /** @return an error message, or {@code null} */
        String include(String pattern, boolean optional);
    }

    boolean inVirtualHost() {
        return server.virtual();
    }
}
