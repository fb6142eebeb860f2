package org.wsgi.config.apache.parser;

import java.util.Locale;
import java.util.Set;

/**
 * What mod_rewrite checks in a {@code RewriteRule}'s flags when it reads the configuration: the code of an
 * {@code R} flag must be one Apache has a status line for.
 */
final class RewriteFlags {

    /** The codes Apache 2.4 has a status line for (its {@code status_lines}). */
    private static final Set<Integer> KNOWN = Set.of(100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207,
            208, 226, 300, 301, 302, 303, 304, 305, 307, 308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410,
            411, 412, 413, 414, 415, 416, 417, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503,
            504, 505, 506, 507, 508, 510, 511);

    private RewriteFlags() {
    }

    /** mod_rewrite's message for the flags field {@code raw} (may be {@code null}), or {@code null} if it is fine. */
    static String check(String raw) {
        if (raw == null) {
            return null;
        }
        for (String flag : raw.replaceAll("^\\[|\\]$", "").split(",")) {
            String t = flag.trim();
            int eq = t.indexOf('=');
            String name = (eq < 0 ? t : t.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : t.substring(eq + 1);
            if ((name.equals("r") || name.equals("redirect")) && !value.isEmpty()
                    && Character.isDigit(value.charAt(0)) && !KNOWN.contains(CommonHandlers.atoi(value))) {
                return "RewriteRule: invalid HTTP response code '" + value + "' for flag 'R'";
            }
        }
        return null;
    }
}
