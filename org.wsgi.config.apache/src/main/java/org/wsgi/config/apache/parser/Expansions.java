package org.wsgi.config.apache.parser;

import java.util.Set;

/**
 * Validates the {@code %{...}} expansions mod_wsgi accepts in group and callable names. The values stay as
 * written in the model; the router expands them per request.
 */
final class Expansions {

    /** For {@code WSGIApplicationGroup} and {@code application-group=}. */
    static final Set<String> APPLICATION_GROUP = Set.of("GLOBAL", "SERVER", "RESOURCE", "HOST");
    /** For {@code WSGIProcessGroup} and {@code process-group=} (the last three since mod_wsgi 4.4.0). */
    static final Set<String> PROCESS_GROUP = APPLICATION_GROUP;
    /** For {@code WSGICallableObject} and {@code callable-object=}: only {@code %{ENV:variable}}. */
    static final Set<String> CALLABLE_OBJECT = Set.of();

    private Expansions() {
    }

    /**
     * @param allowed the variables allowed besides {@code ENV:name}
     * @return a complaint naming the bad expansion, or {@code null} when {@code value} is a plain name or one
     *         allowed expansion
     */
    static String check(String value, Set<String> allowed) {
        int at = value.indexOf("%{");
        if (at < 0) {
            return null;
        }
        int end = value.indexOf('}', at);
        String variable = end < 0 ? null : value.substring(at + 2, end);
        boolean whole = at == 0 && end == value.length() - 1;
        if (whole && (allowed.contains(variable) || isEnv(variable))) {
            return null;
        }
        String shown = end < 0 ? value.substring(at) : value.substring(at, end + 1);
        return "Invalid expansion '" + shown + "' in '" + value + "', expected " + expected(allowed)
                + " as the whole value.";
    }

    private static boolean isEnv(String variable) {
        return variable.startsWith("ENV:") && variable.length() > 4;
    }

    private static String expected(Set<String> allowed) {
        StringBuilder sb = new StringBuilder();
        for (String v : new String[] {"GLOBAL", "SERVER", "RESOURCE", "HOST"}) {
            if (allowed.contains(v)) {
                sb.append("%{").append(v).append("}, ");
            }
        }
        return sb.append("%{ENV:variable}").toString();
    }
}
