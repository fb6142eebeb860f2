package org.wsgi.config.apache.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The mod_wsgi directives that name hook scripts ({@code WSGIDispatchScript}, {@code WSGIHandlerScript}, the
 * access and authentication scripts) and {@code WSGIMapHEADToGET}: validated as mod_wsgi does and kept as written.
 */
final class WsgiHookHandlers {

    private static final Set<String> HANDLER_OPTIONS = Set.of("process-group", "application-group",
            "pass-authorization");

    private WsgiHookHandlers() {
    }

    static String mapHeadToGet(DirectiveCall call) {
        String v = call.arg(0);
        if (!v.equalsIgnoreCase("on") && !v.equalsIgnoreCase("off") && !v.equalsIgnoreCase("auto")) {
            return call.name() + " must be one of: Off | On | Auto";
        }
        return call.store();
    }

    /** {@code WSGITrustedProxyHeaders}: header names, kept as written (mod_wsgi accepts any name). */
    static String trustedProxyHeaders(DirectiveCall call) {
        return call.store(ConfWords.split(call.raw()));
    }

    /** {@code WSGITrustedProxies}: addresses or subnets ({@code a.b.c.d}, {@code a.b}, {@code net/bits}, IPv6). */
    static String trustedProxies(DirectiveCall call) {
        List<String> words = ConfWords.split(call.raw());
        for (String word : words) {
            if (!ipOrSubnet(word)) {
                return "Unable to parse trusted proxy IP address/subnet of \"" + word + "\".";
            }
        }
        return call.store(words);
    }

    private static boolean ipOrSubnet(String word) {
        int slash = word.indexOf('/');
        String net = slash < 0 ? word : word.substring(0, slash);
        String mask = slash < 0 ? null : word.substring(slash + 1);
        if (net.contains(":")) {
            return net.matches("[0-9a-fA-F:.]+") && (mask == null || mask.matches("\\d{1,3}"));
        }
        String[] parts = net.split("\\.", -1);
        if (parts.length > 4 || mask != null && parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return mask == null || mask.matches("\\d{1,2}") && Integer.parseInt(mask) <= 32 || ipOrSubnet(mask)
                && !mask.contains("/");
    }

    /** Stores the directive, telling the operator it has no effect yet and what happens instead. */
    static String notYet(DirectiveCall call, String instead) {
        call.notice(call.name() + " is not implemented yet: " + instead);
        return call.store();
    }

    /** {@link #notYet} for an {@code On|Off} directive whose {@code Off} is what happens here anyway. */
    static String notYetWhenOn(DirectiveCall call, String instead) {
        String error = CommonHandlers.onOff(call);
        if (error != null) {
            return error;
        }
        return Boolean.TRUE.equals(CommonHandlers.flag(call.arg(0))) ? notYet(call, instead) : call.store();
    }

    /**
     * {@code path [application-group=name]}, for the script hooks called {@code what}; {@code instead}, if not null,
     * says what happens while the hook is not run here.
     */
    static String script(DirectiveCall call, String what, String instead) {
        ConfWords words = new ConfWords(call.raw());
        List<String> stored = new ArrayList<>();
        String path = words.next();
        if (path.isEmpty()) {
            return "Location of " + what + " script not supplied.";
        }
        stored.add(path);
        String error = options(words, Set.of("application-group"), what, stored);
        if (error != null) {
            return error;
        }
        call.settings().store(call.name(), stored);
        if (instead != null) {
            call.notice(call.name() + " is not implemented yet: " + instead);
        }
        return null;
    }

    /** {@code name path [process-group=] [application-group=] [pass-authorization=]}. */
    static String handlerScript(DirectiveCall call) {
        ConfWords words = new ConfWords(call.raw());
        List<String> stored = new ArrayList<>();
        String name = words.next();
        if (name.isEmpty()) {
            return "Name for handler script not supplied.";
        }
        String path = words.next();
        if (path.isEmpty()) {
            return "Location of handler script not supplied.";
        }
        stored.add(name);
        stored.add(path);
        String error = options(words, HANDLER_OPTIONS, "handler", stored);
        if (error != null) {
            return error;
        }
        call.settings().store(call.name(), stored);
        call.notice(call.name() + " is not implemented yet: files mapped to handler '" + name + "' are not run");
        return null;
    }

    private static String options(ConfWords words, Set<String> allowed, String what, List<String> stored) {
        while (words.hasMore()) {
            String[] option = words.nextOption();
            if (option == null || !allowed.contains(option[0])) {
                return "Invalid option to WSGI " + what + " script definition.";
            }
            String error = switch (option[0]) {
                case "application-group" -> option[1].isEmpty() ? "Invalid name for WSGI application group."
                        : Expansions.check(option[1], Expansions.APPLICATION_GROUP);
                case "process-group" -> option[1].isEmpty() ? "Invalid name for WSGI process group."
                        : Expansions.check(option[1], Expansions.PROCESS_GROUP);
                default -> CommonHandlers.flag(option[1]) == null ? "Invalid value for authorization flag." : null;
            };
            if (error != null) {
                return error;
            }
            stored.add(option[0] + "=" + option[1]);
        }
        return null;
    }
}
