package org.wsgi.router.match;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.wsgi.api.RouteRequest;
import org.wsgi.api.config.DirectorySettings;
import org.wsgi.api.config.EnvAction;

/**
 * The request variables of mod_env, mod_setenvif and mod_rewrite, in the order Apache sets them. {@code SetEnvIf}
 * and {@code RewriteRule [E=]} run early and {@code SetEnv} late (fixups), which mod_wsgi observes: group names are
 * expanded from the variables with the early ones winning, while the environ the application sees has
 * {@code SetEnv} winning.
 */
final class RequestEnv {

    private RequestEnv() {
    }

    /** The two views of one request's variables. */
    record Vars(Map<String, String> forGroups, Map<String, String> forEnviron) {
    }

    /** @param rewriteEnv variables set by {@code RewriteRule [E=]}, which run before {@code SetEnv} too */
    static Vars of(DirectorySettings s, RouteRequest request, String uri, Map<String, String> rewriteEnv) {
        Map<String, String> early = setEnvIf(s, request, uri);
        if (!rewriteEnv.isEmpty()) {
            early = new LinkedHashMap<>(early);
            early.putAll(rewriteEnv);
        }
        Map<String, String> setEnv = setEnv(s.env());
        if (early.isEmpty()) {
            return new Vars(setEnv, setEnv);
        }
        Map<String, String> groups = new LinkedHashMap<>(setEnv);
        groups.putAll(early);
        Map<String, String> environ = new LinkedHashMap<>(early);
        environ.putAll(setEnv);
        return new Vars(groups, environ);
    }

    private static Map<String, String> setEnv(List<EnvAction> actions) {
        if (actions.isEmpty()) {
            return Map.of();
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvAction a : actions) {
            if (a.unset()) {
                env.remove(a.name());
            } else {
                env.put(a.name(), a.value());
            }
        }
        return env;
    }

    private static Map<String, String> setEnvIf(DirectorySettings s, RouteRequest request, String uri) {
        List<List<String>> plain = s.directives().getOrDefault("SetEnvIf", List.of());
        List<List<String>> noCase = s.directives().getOrDefault("SetEnvIfNoCase", List.of());
        if (plain.isEmpty() && noCase.isEmpty()) {
            return Map.of();
        }
        Map<String, String> env = new LinkedHashMap<>();
        plain.forEach(words -> apply(words, 0, request, uri, env));
        noCase.forEach(words -> apply(words, Pattern.CASE_INSENSITIVE, request, uri, env));
        return env;
    }

    /** {@code SetEnvIf attribute regex [!]var[=value] ...}; {@code $n} in values refer to the regex groups. */
    private static void apply(List<String> words, int flags, RouteRequest request, String uri,
            Map<String, String> env) {
        String value = attribute(words.get(0), request, uri, env);
        if (value == null) {
            return;
        }
        Matcher m = Pcre.compile(words.get(1), flags).matcher(value);
        try {
            if (!m.find()) {
                return;
            }
        } catch (StackOverflowError deep) {
            // Java's engine recurses where PCRE does not: a long header against (a|b)* is taken as no match rather
            // than letting any client turn every request into a 500.
            return;
        }
        for (String assignment : words.subList(2, words.size())) {
            if (assignment.startsWith("!")) {
                env.remove(assignment.substring(1));
                continue;
            }
            int eq = assignment.indexOf('=');
            String name = eq < 0 ? assignment : assignment.substring(0, eq);
            env.put(name, eq < 0 ? "1" : substitute(assignment.substring(eq + 1), m));
        }
    }

    private static String attribute(String name, RouteRequest request, String uri, Map<String, String> env) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "remote_addr", "remote_host":
                return request.remoteAddr();
            case "request_method":
                return request.method();
            case "request_uri":
                return uri;
            case "request_protocol":
                return "HTTP/1.1";
            default:
                String header = request.headers().get(name.toLowerCase(Locale.ROOT));
                return header != null ? header : env.get(name);
        }
    }

    private static String substitute(String value, Matcher m) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '$' && i + 1 < value.length() && Character.isDigit(value.charAt(i + 1))) {
                int g = value.charAt(++i) - '0';
                if (g <= m.groupCount() && m.group(g) != null) {
                    b.append(m.group(g));
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
