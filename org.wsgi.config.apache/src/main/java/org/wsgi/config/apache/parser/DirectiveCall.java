package org.wsgi.config.apache.parser;

import java.util.List;

import org.wsgi.api.config.SourceLocation;

/**
 * One occurrence of a directive being applied: its arguments and the context it was written in.
 *
 * @param directive the table row
 * @param args the arguments split into words
 * @param raw the arguments unsplit, for {@link ArgShape#RAW_ARGS} handlers
 * @param location where it was written
 * @param scope the context it was written in
 */
record DirectiveCall(Directive directive, List<String> args, String raw, SourceLocation location, Scope scope) {

    String name() {
        return directive.name();
    }

    String arg(int i) {
        return i < args.size() ? args.get(i) : null;
    }

    /** The settings of the innermost context: a section, else the server or virtual host. */
    SettingsBuilder settings() {
        return scope.section() != null ? scope.section().settings() : scope.server().settings();
    }

    ServerBuilder server() {
        return scope.server();
    }

    FragmentBuilder fragment() {
        return scope.fragment();
    }

    /** Records an informational line for the operator, {@code file:line: text}. */
    void notice(String text) {
        scope.fragment().notice(location + ": " + text);
    }

    /** Stores the directive as written for the bundles that give it meaning. */
    String store() {
        settings().store(directive.name(), args);
        return null;
    }
}
