package org.wsgi.router.match;

import java.util.List;

import org.wsgi.api.config.DirectorySettings;

/** Reading the stored directives of merged settings, where the last occurrence of a directive is the one in effect. */
final class Directives {

    private Directives() {
    }

    /** The arguments of the last {@code name} directive, or {@code null} when none is set. */
    static List<String> last(DirectorySettings s, String name) {
        List<List<String>> all = s.directives().get(name);
        return all == null || all.isEmpty() ? null : all.get(all.size() - 1);
    }

    /** The first argument of the last {@code name} directive, or {@code null}. */
    static String value(DirectorySettings s, String name) {
        List<String> last = last(s, name);
        return last == null || last.isEmpty() ? null : last.get(0);
    }
}
