package org.wsgi.config.apache.parser;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Handlers shared by many rows of the directive table. */
final class CommonHandlers {

    private CommonHandlers() {
    }

    /** Keeps the directive as written in {@code DirectorySettings.directives}. */
    static String store(DirectiveCall call) {
        return call.store();
    }

    /** Accepts a directive that has no meaning on the JVM, telling the operator so. */
    static String ignore(DirectiveCall call) {
        call.notice(call.name() + " has no meaning on the JVM and is ignored");
        return null;
    }

    /** Keeps a directive as written (for the status page and future use) and tells the operator it has no effect. */
    static String storeIgnored(DirectiveCall call, String why) {
        call.notice(call.name() + " is accepted but ignored: " + why);
        return call.store();
    }

    /** {@link #ignore} for a directive whose one argument must be {@code On} or {@code Off}. */
    static String ignoreOnOff(DirectiveCall call) {
        String error = onOff(call);
        return error != null ? error : ignore(call);
    }

    /** {@link #store} for a directive whose one argument must be {@code On} or {@code Off}. */
    static String storeOnOff(DirectiveCall call) {
        String error = onOff(call);
        return error != null ? error : call.store();
    }

    /** mod_wsgi's check of an {@code On|Off} argument. */
    static String onOff(DirectiveCall call) {
        return flag(call.arg(0)) == null ? call.name() + " must be one of: Off | On" : null;
    }

    /** {@code On} or {@code Off} as a boolean, case-insensitively; {@code null} for anything else. */
    static Boolean flag(String value) {
        if ("on".equalsIgnoreCase(value)) {
            return Boolean.TRUE;
        }
        return "off".equalsIgnoreCase(value) ? Boolean.FALSE : null;
    }

    /** Whether {@code regex} compiles. */
    static boolean compiles(String regex) {
        try {
            Pattern.compile(regex);
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    /** C's {@code atoi}, as Apache reads a status code: the leading digits (capped past any real code). */
    static int atoi(String s) {
        int n = 0;
        for (int i = 0; i < s.length() && Character.isDigit(s.charAt(i)) && n < 100000; i++) {
            n = n * 10 + s.charAt(i) - '0';
        }
        return n;
    }
}
