package org.wsgi.router.match;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.wsgi.api.RouteRequest;
import org.wsgi.api.config.DirectorySettings;
import org.wsgi.api.exec.WsgiException;

/**
 * Apache 2.4's access phases for one request, from the merged per-directory settings: host-based access of
 * mod_access_compat ({@code Order}, {@code Allow}, {@code Deny}), then, where a {@code Require} needs a user,
 * Basic authentication against an {@code AuthUserFile}, then mod_authz_core's {@code Require} lines (any one
 * granting suffices), combined by {@code Satisfy}. Directives inside {@code <Limit>}/{@code <LimitExcept>} count
 * for their methods only. No directive at all grants access (the base configuration has no default deny); a
 * mod_wsgi's hooks take part as they do there ({@link ScriptHooks}): {@code WSGIAccessScript} before the host
 * rules, {@code AuthBasicProvider wsgi} among the providers in their order, {@code Require wsgi-group}.
 */
final class AccessControl {

    /**
     * @param status 0 when granted, else 401, 403 or 500
     * @param reason why not; for 401 the {@code WWW-Authenticate} challenge
     * @param authType {@code AUTH_TYPE} of an authenticated request, else {@code null}
     * @param user {@code REMOTE_USER} of an authenticated request, else {@code null}
     */
    record Decision(int status, String reason, String authType, String user) {
        static final Decision GRANTED = new Decision(0, null, null, null);
    }

    private enum Result { GRANTED, DENIED, NEEDS_USER }

    private final PasswordFiles passwords;
    private final ScriptHooks hooks;

    AccessControl(PasswordFiles passwords, ScriptHooks hooks) {
        this.passwords = passwords;
        this.hooks = hooks;
    }

    /** @param call what mod_wsgi's hook scripts get of the request, if one applies */
    Decision check(DirectorySettings s, RouteRequest request, String uri, ScriptHooks.Call call) {
        if (s.directives().isEmpty()) {
            return Decision.GRANTED; // the common case: nothing stored, so no access directive either
        }
        String method = request.method();
        List<String> accessScript = last(s, "WSGIAccessScript", method);
        Boolean scriptAllowed = accessScript == null ? null
                : hooks.allowAccess(accessScript, call, request.remoteAddr());
        List<List<String>> requires = all(s, "Require", method);
        List<List<String>> allows = all(s, "Allow", method);
        List<List<String>> denies = all(s, "Deny", method);
        List<String> order = last(s, "Order", method);
        boolean hostRules = order != null || !allows.isEmpty() || !denies.isEmpty();
        Boolean hostAllowed = hostRules ? HostRules.hostAllowed(order, allows, denies, request.remoteAddr()) : null;
        if (scriptAllowed != null) {
            // The access script is one more host-based check: both must pass, and Satisfy weighs them together.
            hostAllowed = hostAllowed == null ? scriptAllowed : hostAllowed && scriptAllowed;
        }
        if (requires.isEmpty() && hostAllowed == null) {
            return Decision.GRANTED;
        }
        List<String> satisfy = last(s, "Satisfy", method);
        boolean any = satisfy != null && satisfy.get(0).equalsIgnoreCase("any");
        if (requires.isEmpty()) {
            return Boolean.FALSE.equals(hostAllowed) ? denied(request, uri) : Decision.GRANTED;
        }
        if (any && Boolean.TRUE.equals(hostAllowed)) {
            return Decision.GRANTED;
        }
        if (!any && Boolean.FALSE.equals(hostAllowed)) {
            return denied(request, uri);
        }
        Result anonymous = authorize(requires, null, request, s, call);
        if (anonymous == Result.GRANTED) {
            return Decision.GRANTED;
        }
        if (anonymous == Result.DENIED) {
            return denied(request, uri);
        }
        return authenticate(s, requires, request, uri, call);
    }

    private Decision authenticate(DirectorySettings s, List<List<String>> requires, RouteRequest request, String uri,
            ScriptHooks.Call call) {
        List<String> type = last(s, "AuthType", request.method());
        if (type == null || type.get(0).equalsIgnoreCase("none")) {
            return new Decision(500, "AuthType not set!: " + uri, null, null);
        }
        if (!type.get(0).equalsIgnoreCase("basic")) {
            return new Decision(500, "AuthType " + type.get(0) + " is not supported: " + uri, null, null);
        }
        List<String> realm = last(s, "AuthName", request.method());
        String challenge = "Basic realm=\"" + (realm == null ? "" : realm.get(0)) + "\"";
        String[] credentials = basic(request.headers().get("authorization"));
        if (credentials == null) {
            return new Decision(401, challenge, null, null);
        }
        List<String> providers = last(s, "AuthBasicProvider", request.method());
        String user = null;
        for (String provider : providers == null ? List.of("file") : providers) {
            if (provider.equalsIgnoreCase("wsgi")) {
                List<String> script = last(s, "WSGIAuthUserScript", request.method());
                ScriptHooks.Password p;
                try {
                    p = hooks.checkPassword(script, call, credentials[0], credentials[1]);
                } catch (WsgiException | RuntimeException e) {
                    return new Decision(500, "WSGI user authentication script failed for " + uri + ": "
                            + e.getMessage(), null, null);
                }
                if (p.known()) {
                    user = p.granted() ? p.user() : null;
                    break;
                }
            } else if (provider.equalsIgnoreCase("file")) {
                List<String> file = last(s, "AuthUserFile", request.method());
                String hash = file == null ? null : passwords.hash(file.get(0), credentials[0]);
                if (hash != null) {
                    user = PasswordFiles.matches(credentials[1], hash) ? credentials[0] : null;
                    break;
                }
            }
        }
        if (user == null || authorize(requires, user, request, s, call) != Result.GRANTED) {
            return new Decision(401, challenge, null, null);
        }
        return new Decision(0, null, "Basic", user);
    }

    /** {@code Require wsgi-group}: the user's groups from {@code groups_for_user}; a failing script grants nothing. */
    private Result inScriptGroup(List<String> wanted, String user, RouteRequest request, DirectorySettings s,
            ScriptHooks.Call call) {
        List<String> script = last(s, "WSGIAuthGroupScript", request.method());
        if (script == null) {
            return Result.DENIED;
        }
        try {
            List<String> groups = hooks.groupsForUser(script, call, user);
            return wanted.stream().anyMatch(groups::contains) ? Result.GRANTED : Result.DENIED;
        } catch (WsgiException | RuntimeException e) {
            return Result.DENIED;
        }
    }

    private static Decision denied(RouteRequest request, String uri) {
        return new Decision(403, "client denied by server configuration: " + uri, null, null);
    }

    /** {@code user:password} of a Basic {@code Authorization} header, or {@code null}. */
    private static String[] basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String pair = new String(Base64.getDecoder().decode(header.substring(6).strip()),
                    StandardCharsets.ISO_8859_1);
            int colon = pair.indexOf(':');
            return colon < 0 ? null : new String[] {pair.substring(0, colon), pair.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** RequireAny over the lines: one granting line grants; otherwise a line that needs a user asks for one. */
    private Result authorize(List<List<String>> requires, String user, RouteRequest request, DirectorySettings s,
            ScriptHooks.Call call) {
        boolean needsUser = false;
        for (List<String> line : requires) {
            Result r = requirement(line, user, request, s, call);
            if (r == Result.GRANTED) {
                return r;
            }
            needsUser |= r == Result.NEEDS_USER;
        }
        return needsUser ? Result.NEEDS_USER : Result.DENIED;
    }

    private Result requirement(List<String> line, String user, RouteRequest request, DirectorySettings s,
            ScriptHooks.Call call) {
        String provider = line.get(0).toLowerCase(Locale.ROOT);
        List<String> args = line.subList(1, line.size());
        switch (provider) {
            case "all":
                return !args.isEmpty() && args.get(0).equalsIgnoreCase("granted") ? Result.GRANTED : Result.DENIED;
            case "valid-user":
                return user != null ? Result.GRANTED : Result.NEEDS_USER;
            case "user":
                return user == null ? Result.NEEDS_USER : args.contains(user) ? Result.GRANTED : Result.DENIED;
            case "group":
                if (user == null) {
                    return Result.NEEDS_USER;
                }
                List<String> file = last(s, "AuthGroupFile", request.method());
                return file != null && args.stream().anyMatch(g -> passwords.inGroup(file.get(0), g, user))
                        ? Result.GRANTED : Result.DENIED;
            case "wsgi-group":
                return user == null ? Result.NEEDS_USER : inScriptGroup(args, user, request, s, call);
            case "ip":
                return args.stream().anyMatch(a -> HostRules.ipMatches(a, request.remoteAddr())) ? Result.GRANTED
                        : Result.DENIED;
            case "local":
                return HostRules.isLoopback(request.remoteAddr()) ? Result.GRANTED : Result.DENIED;
            case "method":
                return args.stream().anyMatch(m -> m.equalsIgnoreCase(request.method())) ? Result.GRANTED
                        : Result.DENIED;
            default:
                // group, host, env, expr, file-owner, ...: not emulated, so never granting.
                return Result.DENIED;
        }
    }

    /** The lines of {@code name} that apply to {@code method}: outside any limit, and in the limits that cover it. */
    private static List<List<String>> all(DirectorySettings s, String name, String method) {
        List<List<String>> out = new ArrayList<>();
        for (Map.Entry<String, List<List<String>>> e : s.directives().entrySet()) {
            String key = e.getKey();
            if (key.equals(name) || key.endsWith("> " + name) && limitCovers(key, method)) {
                out.addAll(e.getValue());
            }
        }
        return out;
    }

    /** The last line of {@code name} for {@code method}, a limit's own before the general one. */
    private static List<String> last(DirectorySettings s, String name, String method) {
        List<String> general = null;
        for (Map.Entry<String, List<List<String>>> e : s.directives().entrySet()) {
            String key = e.getKey();
            List<List<String>> v = e.getValue();
            if (v.isEmpty()) {
                continue;
            }
            if (key.endsWith("> " + name) && limitCovers(key, method)) {
                return v.get(v.size() - 1);
            }
            if (key.equals(name)) {
                general = v.get(v.size() - 1);
            }
        }
        return general;
    }

    /** Whether {@code <Limit GET POST> X} or {@code <LimitExcept GET> X} covers {@code method}. */
    private static boolean limitCovers(String key, String method) {
        int close = key.indexOf('>');
        String[] words = key.substring(1, close).split("\\s+");
        boolean listed = false;
        for (int i = 1; i < words.length; i++) {
            listed |= words[i].equalsIgnoreCase(method);
        }
        return words[0].equalsIgnoreCase("LimitExcept") ? !listed : listed;
    }
}
