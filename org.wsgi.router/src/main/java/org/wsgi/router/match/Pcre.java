package org.wsgi.router.match;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Apache's regular expressions (PCRE) on Java's engine: what a configuration writes in PCRE's syntax and Java reads
 * differently is translated first. Today that is POSIX classes in brackets ({@code [[:digit:]]}, {@code [^[:space:]]}),
 * which Java would read as a set of the characters {@code [:dgit]}. Pure.
 */
final class Pcre {

    private static final Map<String, String> POSIX = Map.ofEntries(Map.entry("[:alpha:]", "\\p{Alpha}"),
            Map.entry("[:digit:]", "\\p{Digit}"), Map.entry("[:alnum:]", "\\p{Alnum}"),
            Map.entry("[:upper:]", "\\p{Upper}"), Map.entry("[:lower:]", "\\p{Lower}"),
            Map.entry("[:space:]", "\\s"), Map.entry("[:blank:]", "\\p{Blank}"), Map.entry("[:punct:]", "\\p{Punct}"),
            Map.entry("[:xdigit:]", "\\p{XDigit}"), Map.entry("[:cntrl:]", "\\p{Cntrl}"),
            Map.entry("[:graph:]", "\\p{Graph}"), Map.entry("[:print:]", "\\p{Print}"), Map.entry("[:word:]", "\\w"),
            Map.entry("[:ascii:]", "\\p{ASCII}"));

    private Pcre() {
    }

    static Pattern compile(String regex) {
        return compile(regex, 0);
    }

    static Pattern compile(String regex, int flags) {
        return Pattern.compile(translate(regex), flags);
    }

    /**
     * {@code regex} with PCRE's POSIX classes in Java's spelling: {@code [:name:]} and {@code [:^name:]} only where
     * PCRE reads them, inside a bracket expression (an escaped {@code \\[} opens none).
     */
    static String translate(String regex) {
        if (regex.indexOf("[:") < 0) {
            return regex;
        }
        StringBuilder out = new StringBuilder(regex.length() + 16);
        boolean inClass = false;
        int len = regex.length();
        for (int i = 0; i < len; i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < len) {
                out.append(c).append(regex.charAt(++i));
                continue;
            }
            if (inClass && c == '[') {
                int close = regex.startsWith("[:", i) ? regex.indexOf(":]", i + 2) : -1;
                if (close > 0) {
                    String name = regex.substring(i + 2, close);
                    boolean negated = name.startsWith("^");
                    String escape = POSIX.get("[:" + (negated ? name.substring(1) : name) + ":]");
                    if (escape != null) {
                        out.append(negated ? negate(escape) : escape);
                        i = close + 1;
                        continue;
                    }
                }
                out.append("\\["); // a '[' inside a class is a member to PCRE, a nested class to Java
                continue;
            }
            if (!inClass && c == '[') {
                inClass = true;
                out.append('[');
                if (i + 1 < len && regex.charAt(i + 1) == '^') {
                    out.append('^');
                    i++;
                }
                if (i + 1 < len && regex.charAt(i + 1) == ']') {
                    out.append("\\]"); // a ']' first in the class is a member
                    i++;
                }
                continue;
            }
            if (inClass && c == ']') {
                inClass = false;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The complement of a Java class escape: {@code \\p{X}} becomes {@code \\P{X}}, {@code \\s} {@code \\S}. */
    private static String negate(String escape) {
        return escape.startsWith("\\p") ? "\\P" + escape.substring(2) : escape.toUpperCase(Locale.ROOT);
    }
}
