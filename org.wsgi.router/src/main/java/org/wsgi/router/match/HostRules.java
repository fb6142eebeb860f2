package org.wsgi.router.match;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/** Host-based access: mod_access_compat's {@code Order}/{@code Allow}/{@code Deny} and the address matching of
 * {@code Require ip}/{@code Require local}. */
final class HostRules {

    private HostRules() {
    }

    /** mod_access_compat: {@code Order} (default {@code deny,allow}) over the {@code Allow}/{@code Deny} lines. */
    static boolean hostAllowed(List<String> order, List<List<String>> allows, List<List<String>> denies,
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
    static boolean isLoopback(String addr) {
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

}
