package org.wsgi.router.match;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The names and forms Apache gives request data in a CGI environment: header variables and client addresses. */
public final class CgiNames {

    private CgiNames() {
    }

    /** {@code HTTP_X_Y} for {@code X-Y}; {@code null} for names Apache would not pass (anything but [A-Za-z0-9-]). */
    public static String headerKey(String name) {
        StringBuilder b = new StringBuilder(name.length() + 5).append("HTTP_");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '-') {
                b.append('_');
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                b.append((char) (c >= 'a' ? c - ('a' - 'A') : c));
            } else {
                return null;
            }
        }
        return b.toString();
    }

    /** The body's headers are {@code CONTENT_TYPE} and {@code CONTENT_LENGTH}, not {@code HTTP_*}, in CGI. */
    public static String cgiName(String key) {
        if (key.startsWith("HTTP_CONTENT_")) {
            if (key.equals("HTTP_CONTENT_TYPE")) {
                return "CONTENT_TYPE";
            }
            if (key.equals("HTTP_CONTENT_LENGTH")) {
                return "CONTENT_LENGTH";
            }
        }
        return key;
    }

    /** Credentials Apache never passes as variables ({@code WSGIPassAuthorization} aside). */
    public static boolean credentials(String key) {
        return key.equals("HTTP_AUTHORIZATION") || key.equals("HTTP_PROXY_AUTHORIZATION");
    }

    /**
     * A client address as Apache prints it ({@code REMOTE_ADDR}): IPv6 without brackets and in its short form
     * ({@code ::1}, as {@code inet_ntop} gives it), where Jetty gives {@code [0:0:0:0:0:0:0:1]}; IPv4 as it is.
     */
    public static String address(String addr) {
        if (addr == null || addr.indexOf(':') < 0) {
            return addr;
        }
        String bare = addr.startsWith("[") && addr.endsWith("]") ? addr.substring(1, addr.length() - 1) : addr;
        try {
            byte[] a = InetAddress.getByName(bare).getAddress();
            return a.length == 16 ? shortIpv6(a) : InetAddress.getByAddress(a).getHostAddress();
        } catch (UnknownHostException | IllegalArgumentException e) {
            return bare;
        }
    }

    /** RFC 5952: lower-case hex without leading zeros, the longest run of two or more zero groups as {@code ::}. */
    private static String shortIpv6(byte[] a) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8;) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append("::");
                i += bestLen - 1;
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
                b.append(':');
            }
            b.append(Integer.toHexString(g[i]));
        }
        return b.toString();
    }
}
