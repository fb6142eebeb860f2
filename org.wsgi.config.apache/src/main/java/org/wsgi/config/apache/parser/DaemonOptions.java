package org.wsgi.config.apache.parser;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Every option of mod_wsgi 4.9's {@code WSGIDaemonProcess}, each with the check mod_wsgi applies and its message.
 * Numbers must be plain decimal integers (mod_wsgi's {@code atoi} would take {@code 15abc} as 15; we refuse it).
 */
final class DaemonOptions {

    /** A check of one option value: the complaint, or {@code null}. */
    private interface Check extends UnaryOperator<String> {
    }

    private static final String SUFFIX = " for WSGI daemon process.";
    private static final Map<String, Check> OPTIONS = new LinkedHashMap<>();

    static {
        OPTIONS.put("user", DaemonOptions::user);
        OPTIONS.put("group", nonEmpty("Invalid group"));
        OPTIONS.put("supplementary-groups", v -> null);
        OPTIONS.put("processes", integer(1, Integer.MAX_VALUE, "Invalid process count"));
        OPTIONS.put("threads", integer(0, 65534, "Invalid thread count"));
        OPTIONS.put("umask", v -> v.matches("[0-7]{1,10}") ? null : "Invalid umask" + SUFFIX);
        OPTIONS.put("chroot", v -> v.startsWith("/") ? null : "Invalid chroot directory" + SUFFIX);
        OPTIONS.put("home", v -> v.startsWith("/") ? null : "Invalid home directory" + SUFFIX);
        for (String free : new String[] {"lang", "locale", "python-home", "python-path", "python-eggs",
            "display-name", "newrelic-config-file", "newrelic-environment"}) {
            OPTIONS.put(free, v -> null);
        }
        OPTIONS.put("stack-size", integer(1, Integer.MAX_VALUE, "Invalid stack size"));
        OPTIONS.put("maximum-requests", integer(0, Integer.MAX_VALUE, "Invalid request count"));
        for (String timeout : new String[] {"startup", "shutdown", "deadlock", "inactivity", "request", "graceful",
            "eviction", "connect", "socket", "queue", "response-socket"}) {
            OPTIONS.put(timeout + "-timeout", integer(0, Integer.MAX_VALUE, "Invalid " + timeout.replace('-', ' ')
                    + " timeout"));
        }
        OPTIONS.put("restart-interval", integer(0, Integer.MAX_VALUE, "Invalid restart interval"));
        OPTIONS.put("listen-backlog", integer(0, Integer.MAX_VALUE, "Invalid listen backlog"));
        OPTIONS.put("send-buffer-size", buffer("send", 512, "system default", "Send"));
        OPTIONS.put("receive-buffer-size", buffer("receive", 512, "system default", "Receive"));
        OPTIONS.put("header-buffer-size", buffer("header", 8192, "default", "Header"));
        OPTIONS.put("response-buffer-size", buffer("response", 65536, "default", "Response"));
        OPTIONS.put("socket-user", nonEmpty("Invalid socket user"));
        OPTIONS.put("script-user", nonEmpty("Invalid script user"));
        OPTIONS.put("script-group", nonEmpty("Invalid script group"));
        OPTIONS.put("cpu-time-limit", integer(0, Integer.MAX_VALUE, "Invalid CPU time limit"));
        OPTIONS.put("cpu-priority", integer(Integer.MIN_VALUE, Integer.MAX_VALUE, "Invalid CPU priority"));
        OPTIONS.put("memory-limit", longInteger("Invalid memory limit"));
        OPTIONS.put("virtual-memory-limit", longInteger("Invalid virtual memory limit"));
        OPTIONS.put("server-metrics",
                v -> v.equalsIgnoreCase("on") || v.equalsIgnoreCase("off") ? null
                        : "Invalid server metrics flag" + SUFFIX);
    }

    private DaemonOptions() {
    }

    /** The option names, in mod_wsgi's order. */
    static Iterable<String> names() {
        return OPTIONS.keySet();
    }

    /** mod_wsgi's complaint about {@code name=value}, or {@code null} when valid. */
    static String check(String name, String value) {
        Check check = OPTIONS.get(name);
        return check == null ? "Invalid option to WSGI daemon process definition." : check.apply(value);
    }

    private static String user(String v) {
        if (v.isEmpty()) {
            return "Invalid user" + SUFFIX;
        }
        return v.equals("root") || v.matches("#0+") ? "WSGI process blocked from running as root." : null;
    }

    private static Check nonEmpty(String message) {
        return v -> v.isEmpty() ? message + SUFFIX : null;
    }

    private static Check integer(long min, long max, String message) {
        return v -> {
            Long n = parse(v);
            return n == null || n < min || n > max ? message + SUFFIX : null;
        };
    }

    private static Check longInteger(String message) {
        return v -> {
            Long n = parse(v);
            return n == null || n < 0 ? message + SUFFIX : null;
        };
    }

    private static Check buffer(String what, int min, String zero, String capital) {
        return v -> {
            Long n = parse(v);
            if (n == null || n > Integer.MAX_VALUE) {
                return "Invalid " + what + " buffer size" + SUFFIX;
            }
            return n != 0 && n < min ? capital + " buffer size must be >= " + min + " bytes, or 0 for " + zero + "."
                    : null;
        };
    }

    private static Long parse(String v) {
        if (!v.matches("[+-]?[0-9]{1,19}")) {
            return null;
        }
        try {
            return Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
