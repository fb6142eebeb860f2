package org.wsgi.config.apache.parser;

import java.util.List;
import java.util.Set;

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

    /** The directives whose effect {@code <Limit>} restricts to its methods (mod_authz_core, mod_access_compat). */
    private static final Set<String> PER_METHOD = Set.of("Require", "Allow", "Deny", "Order", "Satisfy");

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
        return store(args);
    }

    /**
     * Stores the directive with {@code words} as its arguments. Inside {@code <Limit>}/{@code <LimitExcept>}, the
     * access-control directives Apache applies per method are stored under the opening and the name, e.g.
     * {@code <Limit POST PUT> Require}, so that no bundle mistakes them for rules on every method.
     */
    String store(List<String> words) {
        boolean perMethod = scope.limit() != null && PER_METHOD.contains(directive.name());
        settings().store(perMethod ? scope.limit() + " " + directive.name() : directive.name(), words);
        return null;
    }
}
