package org.wsgi.router.match;

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

    /** {@code regex} with PCRE's POSIX classes in Java's spelling. */
    static String translate(String regex) {
        if (regex.indexOf("[:") < 0) {
            return regex;
        }
        String out = regex;
        for (Map.Entry<String, String> e : POSIX.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }
}
