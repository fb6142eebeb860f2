package org.wsgi.router.match;

/**
 * mod_alias's prefix test, which mod_wsgi uses for {@code WSGIScriptAlias}: a run of {@code /} in the alias matches
 * any run of {@code /} in the URI, other characters match case-sensitively, and the alias's last component must end
 * at a {@code /} or at the end of the URI unless the alias itself ends with {@code /}.
 */
public final class AliasMatch {

    private AliasMatch() {
    }

    /**
     * @return how many characters of {@code uri} the alias matched, or 0 for no match
     */
    public static int length(String uri, String alias) {
        int a = 0;
        int u = 0;
        int aEnd = alias.length();
        int uEnd = uri.length();
        while (a < aEnd) {
            if (alias.charAt(a) == '/') {
                if (u >= uEnd || uri.charAt(u) != '/') {
                    return 0;
                }
                while (a < aEnd && alias.charAt(a) == '/') {
                    a++;
                }
                while (u < uEnd && uri.charAt(u) == '/') {
                    u++;
                }
            } else {
                if (u >= uEnd || uri.charAt(u) != alias.charAt(a)) {
                    return 0;
                }
                u++;
                a++;
            }
        }
        if (aEnd > 0 && alias.charAt(aEnd - 1) != '/' && u < uEnd && uri.charAt(u) != '/') {
            return 0;
        }
        return u;
    }
}
