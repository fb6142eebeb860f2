package org.wsgi.router.match;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.wsgi.api.config.ScriptMount;

/** A script mount prepared for matching: the regex compiled once per snapshot. */
record CompiledMount(ScriptMount mount, Pattern regex) {

    static CompiledMount of(ScriptMount m) {
        return new CompiledMount(m, m.kind() == ScriptMount.Kind.MATCH ? Pattern.compile(m.urlPath()) : null);
    }

    /** The file name this mount maps {@code uri} to (target plus the unmatched rest), or {@code null}. */
    String map(String uri) {
        if (regex == null) {
            int len = AliasMatch.length(uri, mount.urlPath());
            if (len == 0) {
                return null;
            }
            return mount.target() + (mount.urlPath().equals("/") ? uri : uri.substring(len));
        }
        Matcher m = regex.matcher(uri);
        if (!m.find()) {
            return null;
        }
        return substitute(mount.target(), m) + uri.substring(m.end());
    }

    /** {@code $0..$9} replaced by the groups of the match, as {@code ap_pregsub}; {@code \$} is a literal. */
    private static String substitute(String target, Matcher m) {
        StringBuilder b = new StringBuilder(target.length() + 16);
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '\\' && i + 1 < target.length() && (target.charAt(i + 1) == '$' || target.charAt(i + 1) == '\\')) {
                b.append(target.charAt(++i));
            } else if (c == '$' && i + 1 < target.length() && Character.isDigit(target.charAt(i + 1))) {
                int g = target.charAt(++i) - '0';
                if (g <= m.groupCount() && m.group(g) != null) {
                    b.append(m.group(g));
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
