package org.wsgi.config.apache.parser;

import java.util.List;
import java.util.Locale;

/**
 * mod_alias's {@code Redirect}, {@code RedirectMatch}, {@code RedirectPermanent} and {@code RedirectTemp}: the
 * arguments read and checked as mod_alias reads them (its messages recorded from the reference), each kept as
 * {@code [kind, status, path-or-regex, url]} under {@link #KEY} of its context, in the order written. {@code kind}
 * is {@code prefix} or {@code match}; the path is empty for the one-argument form of a section (every URL under it
 * goes to {@code url}), the url is empty for a status that is not a redirect.
 */
final class RedirectHandlers {

    /** The key in the settings' directives under which every redirect of a context is kept. */
    static final String KEY = "Redirect";

    private RedirectHandlers() {
    }

    /** {@code Redirect} and {@code RedirectMatch} ({@code match}), with an optional status first. */
    static String redirect(DirectiveCall call, boolean match) {
        return add(call, match, 302);
    }

    /** {@code RedirectPermanent} (301) and {@code RedirectTemp} (302): a path and a URL. */
    static String fixed(DirectiveCall call, int status) {
        return add(call, false, status);
    }

    private static String add(DirectiveCall call, boolean match, int defaultStatus) {
        List<String> a = call.args();
        String first = a.get(0);
        int status = defaultStatus;
        int understood; // 1: a redirect status, -1: another status, 0: not a status
        switch (first.toLowerCase(Locale.ROOT)) {
            case "permanent" -> { status = 301; understood = 1; }
            case "temp" -> { status = 302; understood = 1; }
            case "seeother" -> { status = 303; understood = 1; }
            case "gone" -> { status = 410; understood = -1; }
            default -> {
                if (!first.isEmpty() && Character.isDigit(first.charAt(0))) {
                    status = CommonHandlers.atoi(first);
                    understood = status >= 300 && status < 400 ? 1 : -1;
                } else {
                    understood = 0;
                }
            }
        }
        if (a.size() == 3 && understood == 0) {
            return "Redirect: invalid first argument (of three)";
        }
        boolean section = call.scope().section() != null;
        String path;
        String url;
        if (a.size() == 3) {
            path = a.get(1);
            url = a.get(2);
        } else if (understood == 0) {
            // "path url", or in a section the one-argument form "url"
            path = a.size() == 1 ? (section ? null : first) : first;
            url = a.size() == 1 ? (section ? first : null) : a.get(1);
        } else if (understood < 0) {
            path = a.size() > 1 ? a.get(1) : null;
            url = null;
        } else {
            path = section ? null : a.size() > 1 ? a.get(1) : null;
            url = section && a.size() > 1 ? a.get(1) : null;
        }
        if (match && (path == null || !CommonHandlers.compiles(path))) {
            return "Regular expression could not be compiled.";
        }
        if (status >= 300 && status < 400) {
            if (url == null) {
                return "URL to redirect to is missing";
            }
            if (!match && !isUrl(url) && !url.startsWith("/")) {
                return "Redirect to non-URL";
            }
        } else if (url != null) {
            return "Redirect URL not valid for this status";
        }
        call.settings().store(KEY, List.of(match ? "match" : "prefix", Integer.toString(status),
                path == null ? "" : path, url == null ? "" : url));
        return null;
    }

    /** Apache's {@code ap_is_url}: letters, digits, {@code +}, {@code -} or {@code .}, then a colon. */
    static boolean isUrl(String s) {
        return s.matches("^[A-Za-z0-9+.-]+:.*");
    }
}
