package org.wsgi.router.match;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.wsgi.api.config.ScriptMount;

/**
 * A mount ({@code WSGIScriptAlias}, {@code Alias} and their {@code Match} forms) prepared for matching once per
 * snapshot: URL and target in byte-string form ({@link UriPath#bytes}), the regex compiled.
 */
record CompiledMount(ScriptMount mount, String urlPath, String target, Pattern regex, boolean script) {

    /** A {@code WSGIScriptAlias}: mounted at {@code /}, the whole URI is appended to the target (mod_wsgi). */
    static CompiledMount script(ScriptMount m) {
        return of(m, true);
    }

    /** An {@code Alias}: the URI after the matched prefix is appended to the target (mod_alias). */
    static CompiledMount alias(ScriptMount m) {
        return of(m, false);
    }

    private static CompiledMount of(ScriptMount m, boolean script) {
        String url = UriPath.bytes(m.urlPath());
        return new CompiledMount(m, url, UriPath.bytes(m.target()),
                m.kind() == ScriptMount.Kind.MATCH ? Pcre.compile(url) : null, script);
    }

    /** The file name this mount maps {@code uri} to (target plus the unmatched rest), or {@code null}. */
    String map(String uri) {
        if (regex == null) {
            int len = AliasMatch.length(uri, urlPath);
            if (len == 0) {
                return null;
            }
            return target + (script && urlPath.equals("/") ? uri : uri.substring(len));
        }
        Matcher m = regex.matcher(uri);
        if (!m.find()) {
            return null;
        }
        return substitute(target, m) + uri.substring(m.end());
    }

    /** {@code $0..$9} replaced by the groups of the match, as {@code ap_pregsub}; {@code \x} is a literal x. */
    static String substitute(String target, Matcher m) {
        StringBuilder b = new StringBuilder(target.length() + 16);
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '\\' && i + 1 < target.length()) { // ap_pregsub: a backslash takes the next character as it is
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
