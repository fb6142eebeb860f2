package org.wsgi.router.match;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.wsgi.api.RouteRequest;
import org.wsgi.api.config.DirectorySettings;

/**
 * Apache 2.4's access phases for one request, from the merged per-directory settings: host-based access of
 * mod_access_compat ({@code Order}, {@code Allow}, {@code Deny}), then, where a {@code Require} needs a user,
 * Basic authentication against an {@code AuthUserFile}, then mod_authz_core's {@code Require} lines (any one
 * granting suffices), combined by {@code Satisfy}. Directives inside {@code <Limit>}/{@code <LimitExcept>} count
 * for their methods only. No directive at all grants access (the base configuration has no default deny); a
 * {@code WSGIAccessScript}, which is not run yet, refuses every request it covers.
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

    AccessControl(PasswordFiles passwords) {
        this.passwords = passwords;
    }

    Decision check(DirectorySettings s, RouteRequest request, String uri) {
        if (s.directives().isEmpty()) {
            return Decision.GRANTED; // the common case: nothing stored, so no access directive either
        }
        String method = request.method();
        if (last(s, "WSGIAccessScript", method) != null) {
            // Not run here yet: refusing is the only safe answer for a script meant to keep some clients out.
            return new Decision(403, "WSGIAccessScript is not implemented yet, access refused: " + uri, null, null);
        }
        List<List<String>> requires = all(s, "Require", method);
        List<List<String>> allows = all(s, "Allow", method);
        List<List<String>> denies = all(s, "Deny", method);
        List<String> order = last(s, "Order", method);
        boolean hostRules = order != null || !allows.isEmpty() || !denies.isEmpty();
        if (requires.isEmpty() && !hostRules) {
            return Decision.GRANTED;
        }
        Boolean hostAllowed = hostRules ? hostAllowed(order, allows, denies, request.remoteAddr()) : null;
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
        Result anonymous = authorize(requires, null, request, s);
        if (anonymous == Result.GRANTED) {
            return Decision.GRANTED;
        }
        if (anonymous == Result.DENIED) {
            return denied(request, uri);
        }
        return authenticate(s, requires, request, uri);
    }

    private Decision authenticate(DirectorySettings s, List<List<String>> requires, RouteRequest request, String uri) {
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
        List<String> file = last(s, "AuthUserFile", request.method());
        String hash = file == null ? null : passwords.hash(file.get(0), credentials[0]);
        if (hash == null || !PasswordFiles.matches(credentials[1], hash)) {
            return new Decision(401, challenge, null, null);
        }
        if (authorize(requires, credentials[0], request, s) != Result.GRANTED) {
            return new Decision(401, challenge, null, null);
        }
        return new Decision(0, null, "Basic", credentials[0]);
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
    private Result authorize(List<List<String>> requires, String user, RouteRequest request, DirectorySettings s) {
        boolean needsUser = false;
        for (List<String> line : requires) {
            Result r = requirement(line, user, request, s);
            if (r == Result.GRANTED) {
                return r;
            }
            needsUser |= r == Result.NEEDS_USER;
        }
        return needsUser ? Result.NEEDS_USER : Result.DENIED;
    }

    private Result requirement(List<String> line, String user, RouteRequest request, DirectorySettings s) {
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
            case "ip":
                return args.stream().anyMatch(a -> ipMatches(a, request.remoteAddr())) ? Result.GRANTED
                        : Result.DENIED;
            case "local":
                return isLoopback(request.remoteAddr()) ? Result.GRANTED : Result.DENIED;
            case "method":
                return args.stream().anyMatch(m -> m.equalsIgnoreCase(request.method())) ? Result.GRANTED
                        : Result.DENIED;
            default:
                // group, host, env, expr, file-owner, ...: not emulated, so never granting.
                return Result.DENIED;
        }
    }

    /** mod_access_compat: {@code Order} (default {@code deny,allow}) over the {@code Allow}/{@code Deny} lines. */
    private static boolean hostAllowed(List<String> order, List<List<String>> allows, List<List<String>> denies,
            String addr) {
        boolean allowed = matchesAny(allows, addr);
        boolean denied = matchesAny(denies, addr);
        String o = order == null ? "deny,allow" : order.get(0).toLowerCase(Locale.ROOT);
        return o.equals("deny,allow") ? !denied || allowed : allowed && !denied;
    }

    private static boolean matchesAny(List<List<String>> lines, String addr) {
        for (List<String> line : lines) {
            for (String host : line.subList(1, line.size())) {
                if (host.equalsIgnoreCase("all") || ipMatches(host, addr)
                        || host.equalsIgnoreCase("localhost") && isLoopback(addr)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What a reverse lookup names {@code localhost}: the loopback addresses. */
    private static boolean isLoopback(String addr) {
        return ipMatches("127.0.0.0/8", addr) || ipMatches("::1", addr);
    }

    /** An address, a partial address ({@code 10.1}), {@code net/bits} or {@code net/mask}; names never match. */
    static boolean ipMatches(String spec, String addr) {
        if (addr == null || spec.isEmpty() || spec.startsWith("env=")) {
            return false;
        }
        try {
            byte[] a = InetAddress.getByName(addr).getAddress();
            int slash = spec.indexOf('/');
            String net = slash < 0 ? spec : spec.substring(0, slash);
            if (slash < 0 && net.matches("[0-9.]+") && net.split("\\.").length < 4) {
                String dotted = net.endsWith(".") ? net : net + ".";
                return (InetAddress.getByName(addr).getHostAddress() + ".").startsWith(dotted);
            }
            if (!net.matches("[0-9a-fA-F:.]+")) {
                return false; // a host name: Apache would need a double reverse lookup
            }
            byte[] n = InetAddress.getByName(net).getAddress();
            if (n.length != a.length) {
                return false;
            }
            int bits = slash < 0 ? n.length * 8 : maskBits(spec.substring(slash + 1));
            for (int i = 0; i < n.length; i++) {
                int keep = Math.max(0, Math.min(8, bits - 8 * i));
                int mask = keep == 0 ? 0 : (0xff << (8 - keep)) & 0xff;
                if ((a[i] & mask) != (n[i] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }

    private static int maskBits(String mask) throws UnknownHostException {
        if (mask.matches("\\d+")) {
            return Integer.parseInt(mask);
        }
        int bits = 0;
        for (byte b : InetAddress.getByName(mask).getAddress()) {
            bits += Integer.bitCount(b & 0xff);
        }
        return bits;
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
