package org.wsgi.router.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.wsgi.api.ProxyTrust;

/**
 * mod_wsgi's trusted proxy headers applied to a request's CGI environment, as mod_wsgi 4.9.4 applies them (recorded
 * with modwsgi-ref). When the client is a trusted proxy (or no proxies are listed), each trusted header, in the
 * order written, rewrites its variable: the client headers {@code REMOTE_ADDR} ({@code X-Forwarded-For} walked
 * from the right past trusted proxies), the host headers {@code HTTP_HOST}, {@code X-Forwarded-Server}
 * {@code SERVER_NAME}, {@code X-Forwarded-Port} {@code SERVER_PORT}, the script name headers {@code SCRIPT_NAME}
 * (and {@code mod_wsgi.mount_point}), the scheme headers {@code wsgi.url_scheme}. In each of those four classes
 * with a trusted member, every header but the one used is removed, so an application cannot read an unchecked one;
 * from a client that is not a trusted proxy they are all removed and nothing is rewritten.
 */
public final class ProxyHeaders {

    private static final List<String> CLIENT = List.of("HTTP_X_FORWARDED_FOR", "HTTP_X_CLIENT_IP", "HTTP_X_REAL_IP");
    private static final List<String> HOST = List.of("HTTP_X_FORWARDED_HOST", "HTTP_X_HOST");
    private static final List<String> SCRIPT = List.of("HTTP_X_SCRIPT_NAME", "HTTP_X_FORWARDED_SCRIPT_NAME");
    private static final List<String> SCHEME_NAMES = List.of("HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_SCHEME",
            "HTTP_X_SCHEME");
    private static final List<String> SCHEME_FLAGS = List.of("HTTP_X_FORWARDED_HTTPS", "HTTP_X_FORWARDED_SSL",
            "HTTP_X_HTTPS");
    private static final Set<String> ON = Set.of("on", "true", "1");
    private static final Set<String> OFF = Set.of("off", "false", "0");

    private ProxyHeaders() {
    }

    /** Rewrites {@code env} (CGI names; {@code wsgi.url_scheme} included) for {@code trust}. */
    public static void apply(Map<String, String> env, ProxyTrust trust) {
        if (!trust.active()) {
            return;
        }
        boolean trusted = trust.proxies().isEmpty() || isTrusted(env.get("REMOTE_ADDR"), trust.proxies());
        List<String> matched = new ArrayList<>(4); // the classes with a trusted member: their first name
        List<String> used = new ArrayList<>(4);
        for (String name : trust.headers()) {
            List<String> kind = kind(name);
            if (kind != null && !matched.contains(kind.get(0))) {
                matched.add(kind.get(0));
            }
            String value = env.get(name);
            if (!trusted || value == null) {
                continue;
            }
            if (CLIENT.contains(name)) {
                if (name.equals("HTTP_X_FORWARDED_FOR")) {
                    forwardedFor(env, trust.proxies(), value);
                } else {
                    env.put("REMOTE_ADDR", value);
                }
            } else if (HOST.contains(name)) {
                env.put("HTTP_HOST", value);
            } else if (name.equals("HTTP_X_FORWARDED_SERVER")) {
                env.put("SERVER_NAME", value);
            } else if (name.equals("HTTP_X_FORWARDED_PORT")) {
                env.put("SERVER_PORT", value);
            } else if (SCRIPT.contains(name)) {
                env.put("mod_wsgi.mount_point", value);
                env.put("SCRIPT_NAME", value);
            } else if (SCHEME_NAMES.contains(name)) {
                scheme(env, value.equalsIgnoreCase("https") ? Boolean.TRUE
                        : value.equalsIgnoreCase("http") ? Boolean.FALSE : null);
            } else if (SCHEME_FLAGS.contains(name)) {
                String v = value.toLowerCase(java.util.Locale.ROOT);
                scheme(env, ON.contains(v) ? Boolean.TRUE : OFF.contains(v) ? Boolean.FALSE : null);
            }
            if (kind != null) {
                used.removeIf(kind::contains);
                used.add(name);
            }
        }
        for (List<String> kind : List.of(CLIENT, HOST, SCRIPT, schemes())) {
            if (matched.contains(kind.get(0))) {
                kind.stream().filter(n -> !used.contains(n)).forEach(env::remove);
            }
        }
    }

    /** The class of a header that has rivals, named by the class's first header; {@code null} for the others. */
    private static List<String> kind(String name) {
        for (List<String> kind : List.of(CLIENT, HOST, SCRIPT, schemes())) {
            if (kind.contains(name)) {
                return kind;
            }
        }
        return null;
    }

    private static List<String> schemes() {
        List<String> all = new ArrayList<>(SCHEME_NAMES);
        all.addAll(SCHEME_FLAGS);
        return all;
    }

    /** A proxy may say the client used https; a TLS connection stays https whatever it says (mod_ssl decides last). */
    private static void scheme(Map<String, String> env, Boolean https) {
        if (https != null && (https || !"https".equals(env.get("REQUEST_SCHEME")))) {
            env.put("wsgi.url_scheme", https ? "https" : "http");
        }
    }

    /**
     * The client is the address just left of the rightmost run of trusted proxies (the leftmost when all are
     * trusted), and the header keeps it and what follows; with no proxies listed, the first address.
     */
    private static void forwardedFor(Map<String, String> env, List<String> proxies, String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        if (items.isEmpty()) {
            return;
        }
        if (proxies.isEmpty()) {
            env.put("REMOTE_ADDR", items.get(0));
            return;
        }
        int first = -1;
        for (int i = items.size() - 1; i >= 0; i--) {
            if (!isIp(items.get(i)) || !isTrusted(items.get(i), proxies)) {
                break;
            }
            first = i;
        }
        int client = first < 0 ? items.size() - 1 : Math.max(first - 1, 0);
        env.put("REMOTE_ADDR", items.get(client));
        env.put("HTTP_X_FORWARDED_FOR", String.join(", ", items.subList(client, first < 0 ? client + 1
                : items.size())));
    }

    private static boolean isTrusted(String addr, List<String> proxies) {
        return addr != null && isIp(addr) && proxies.stream().anyMatch(p -> HostRules.ipMatches(p, addr));
    }

    /** An IPv4 or IPv6 literal (never a name: no lookups on request data). */
    static boolean isIp(String s) {
        if (s.contains(":")) {
            return s.matches("[0-9a-fA-F:.]+");
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }
}
