package org.wsgi.router.match;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.wsgi.api.config.DirectorySettings;

/** Which Apache handler serves a file, and the {@code Options} in effect, from merged per-directory settings. */
final class Handlers {

    static final String WSGI = "wsgi-script";
    static final String STATUS = "server-status";

    private Handlers() {
    }

    /** {@code SetHandler}, else the {@code AddHandler} of the file name's extensions (the last one wins). */
    static String of(DirectorySettings s, String fileName) {
        if (s.handler() != null && !s.handler().equalsIgnoreCase("none")) {
            return s.handler().toLowerCase(Locale.ROOT);
        }
        String handler = null;
        String[] parts = fileName.toLowerCase(Locale.ROOT).split("\\.");
        for (int i = 1; i < parts.length; i++) {
            String h = s.addHandlers().get("." + parts[i]);
            if (h != null) {
                handler = h.toLowerCase(Locale.ROOT);
            }
        }
        return handler;
    }

    /** The enabled options, lower-case, after applying every {@code Options} directive in merge order. */
    static Set<String> options(DirectorySettings s) {
        Set<String> on = new HashSet<>(Set.of("followsymlinks"));
        boolean reset = false;
        for (String word : s.options()) {
            if (word.equals(DirectorySettings.OPTIONS_RESET)) {
                reset = true;
                continue;
            }
            String w = word.toLowerCase(Locale.ROOT);
            if (w.startsWith("+")) {
                on.add(w.substring(1));
            } else if (w.startsWith("-")) {
                on.remove(w.substring(1));
            } else {
                if (reset) {
                    on.clear();
                    reset = false;
                }
                on.add(w);
                if (w.equals("all")) {
                    on.addAll(Set.of("execcgi", "indexes", "includes", "followsymlinks", "symlinksifownermatch"));
                }
            }
        }
        return on;
    }
}
