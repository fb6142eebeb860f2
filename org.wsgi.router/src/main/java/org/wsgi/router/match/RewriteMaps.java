package org.wsgi.router.match;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code RewriteMap}s of one server context, read when the snapshot is compiled: {@code txt:} and
 * {@code rnd:} text files, {@code dbm:} Berkeley DB hash files and the {@code int:} functions. A map that cannot
 * be read answers the default of each lookup, as mod_rewrite's does. Immutable; thread-safe.
 */
final class RewriteMaps {

    private final Map<String, Map<String, String>> maps;

    private RewriteMaps(Map<String, Map<String, String>> maps) {
        this.maps = maps;
    }

    /** @param directives the {@code RewriteMap} argument lists: name, source */
    static RewriteMaps of(List<List<String>> directives) {
        Map<String, Map<String, String>> maps = new HashMap<>();
        for (List<String> m : directives) {
            maps.put(m.get(0), loadMap(m.get(1)));
        }
        return new RewriteMaps(maps);
    }

    private static Map<String, String> loadMap(String source) {
        Map<String, String> map = new HashMap<>();
        if (source.startsWith("txt:") || source.startsWith("rnd:")) {
            try {
                for (String line : Files.readAllLines(Path.of(source.substring(4)))) {
                    String[] kv = line.trim().split("\\s+");
                    if (kv.length >= 2 && !kv[0].startsWith("#")) {
                        map.putIfAbsent(kv[0], kv[1]);
                    }
                }
            } catch (IOException e) {
                // mod_rewrite answers the default (or empty) for a map it cannot read.
            }
            if (source.startsWith("rnd:")) {
                map.put("\0rnd", "");
            }
        } else if (source.startsWith("dbm:") || source.regionMatches(true, 0, "dbm=db:", 0, 7)) {
            try {
                map.putAll(BerkeleyHashMap.read(Path.of(source.substring(source.indexOf(':') + 1))));
            } catch (IOException e) {
                // As for a text map: an unreadable map answers the default.
            }
        } else if (source.startsWith("int:")) {
            map.put("\0int", source.substring(4).toLowerCase(Locale.ROOT));
        }
        return map;
    }

    /** %-decoding for {@code int:unescape}; a malformed escape stays as written. */
    private static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
            if (c == '%' && lo >= 0) {
                b.append((char) (hi * 16 + lo));
                i += 2;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** {@code map:key|default}. */
    String lookup(String spec) {
        int colon = spec.indexOf(':');
        int bar = spec.indexOf('|');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        String key = colon < 0 ? "" : spec.substring(colon + 1, bar < 0 ? spec.length() : bar);
        String fallback = bar < 0 ? "" : spec.substring(bar + 1);
        Map<String, String> map = maps.get(name);
        if (map == null) {
            return fallback;
        }
        String fn = map.get("\0int");
        if (fn != null) {
            return switch (fn) {
                case "tolower" -> key.toLowerCase(Locale.ROOT);
                case "toupper" -> key.toUpperCase(Locale.ROOT);
                case "escape" -> UriPath.encode(key);
                case "unescape" -> unescape(key);
                default -> key;
            };
        }
        String value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (map.containsKey("\0rnd")) {
            // rnd: one of the '|'-separated values, at random, as mod_rewrite picks it.
            String[] choices = value.split("\\|");
            return choices[java.util.concurrent.ThreadLocalRandom.current().nextInt(choices.length)];
        }
        return value;
    }
}
