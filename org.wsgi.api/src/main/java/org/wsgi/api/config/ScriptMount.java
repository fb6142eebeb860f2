package org.wsgi.api.config;

import java.util.Objects;

/**
 * A {@code WSGIScriptAlias} or {@code WSGIScriptAliasMatch}. Mounts are tried in the order they were written,
 * the first match wins.
 *
 * @param kind prefix or regular-expression match
 * @param urlPath the URL-path prefix, or the regular expression for {@link Kind#MATCH}
 * @param target the file or directory path as written after {@code ServerRoot} resolution; for
 *        {@link Kind#MATCH} it may contain {@code $1..$9}
 * @param processGroup the {@code process-group=} option, or {@code null}
 * @param applicationGroup the {@code application-group=} option, or {@code null}
 * @param callableObject the {@code callable-object=} option, or {@code null}
 * @param passAuthorization the {@code pass-authorization=} option, or {@code null}
 * @param location where the directive was written
 */
public record ScriptMount(Kind kind, String urlPath, String target, String processGroup, String applicationGroup,
        String callableObject, Boolean passAuthorization, SourceLocation location) {

    /** How the URL is matched. */
    public enum Kind {
        /** {@code WSGIScriptAlias}: URL-path prefix on segment boundaries. */
        PREFIX,
        /** {@code WSGIScriptAliasMatch}: regular expression with {@code $n} substitution into the target. */
        MATCH
    }

    public ScriptMount {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(urlPath, "urlPath");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(location, "location");
    }

    /**
     * Whether mod_wsgi pre-loads the script when its group starts: both groups given literally ({@code %{GLOBAL}}
     * counts as the literal empty name, as mod_wsgi turns it into "" before checking), and no {@code $}
     * substitution in the target.
     */
    public boolean preload() {
        return literal(processGroup) && literal(applicationGroup) && !(kind == Kind.MATCH && target.contains("$"));
    }

    private static boolean literal(String group) {
        return group != null && (group.equals("%{GLOBAL}") || !group.contains("%{"));
    }
}
