package org.wsgi.config.apache.parser;

import org.wsgi.api.config.DirectorySettings;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.wsgi.api.config.EnvAction;
import org.wsgi.api.config.ScriptMount;

/** Apache core, mod_alias, mod_env, mod_mime and mod_dir directives the model has typed fields for. */
final class CoreHandlers {

    private static final Set<String> OPTION_NAMES = Set.of("none", "all", "execcgi", "followsymlinks",
            "symlinksifownermatch", "includes", "includesnoexec", "indexes", "multiviews");

    private CoreHandlers() {
    }

    /** {@code ServerName [scheme://]host[:port]}. */
    static String serverName(DirectiveCall call) {
        String arg = call.arg(0);
        int scheme = arg.indexOf("://");
        String hostPort = scheme >= 0 ? arg.substring(scheme + 3) : arg;
        int colon = hostPort.lastIndexOf(':');
        if (hostPort.startsWith("[") && hostPort.lastIndexOf(']') > colon) {
            colon = -1;
        }
        ServerBuilder server = call.server();
        if (colon < 0) {
            server.serverName = hostPort;
            server.serverPort = 0;
            return null;
        }
        String port = hostPort.substring(colon + 1);
        int number = port.matches("[0-9]{1,5}") ? Integer.parseInt(port) : 0;
        if (number < 1 || number > 65535) {
            return "The port number \"" + port + "\" is outside the appropriate range (i.e., 1..65535).";
        }
        server.serverName = hostPort.substring(0, colon);
        server.serverPort = number;
        return null;
    }

    static String serverAlias(DirectiveCall call) {
        if (!call.scope().inVirtualHost()) {
            return "ServerAlias only used in <VirtualHost>";
        }
        call.server().serverAliases.addAll(ConfWords.split(call.raw()));
        return null;
    }

    static String documentRoot(DirectiveCall call) {
        call.server().documentRoot = call.fragment().resolve(call.arg(0));
        return null;
    }

    /** {@code Alias} and {@code AliasMatch}, kept as script mounts without options. */
    static String alias(DirectiveCall call, ScriptMount.Kind kind) {
        if (kind == ScriptMount.Kind.MATCH && !CommonHandlers.compiles(call.arg(0))) {
            return "Regular expression could not be compiled.";
        }
        call.server().aliases.add(new ScriptMount(kind, call.arg(0), call.fragment().resolve(call.arg(1)), null,
                null, null, null, call.location()));
        return null;
    }

    static String setEnv(DirectiveCall call) {
        String value = call.args().size() > 1 ? call.arg(1) : "";
        call.settings().env.add(new EnvAction(call.arg(0), value, call.location()));
        return null;
    }

    /**
     * mod_env's {@code PassEnv}: the server process's value, read when the configuration is, as Apache reads it at
     * start-up; an undefined variable is skipped with Apache's warning (AH01506).
     */
    static String passEnv(DirectiveCall call) {
        for (String name : call.args()) {
            String value = System.getenv(name);
            if (value == null) {
                call.notice("PassEnv variable " + name + " was undefined");
            } else {
                call.settings().env.add(new EnvAction(name, value, call.location()));
            }
        }
        return null;
    }

    static String unsetEnv(DirectiveCall call) {
        for (String name : call.args()) {
            call.settings().env.add(new EnvAction(name, null, call.location()));
        }
        return null;
    }

    static String limitRequestBody(DirectiveCall call) {
        String arg = call.arg(0);
        long limit = arg.matches("[0-9]{1,10}") ? Long.parseLong(arg) : -1;
        if (limit < 0 || limit > Integer.MAX_VALUE) {
            return "LimitRequestBody argument is not parsable.";
        }
        call.settings().limitRequestBody = limit;
        return null;
    }

    /** {@code Options}: validated as Apache does, kept as written. */
    static String options(DirectiveCall call) {
        List<String> words = ConfWords.split(call.raw());
        boolean signed = false;
        boolean unsigned = false;
        for (String word : words) {
            boolean sign = word.startsWith("+") || word.startsWith("-");
            String name = sign ? word.substring(1) : word;
            if (!OPTION_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
                return "Illegal option " + name;
            }
            signed |= sign;
            unsigned |= !sign;
        }
        if (signed && unsigned) {
            return "Either all Options must start with + or -, or no Option may.";
        }
        if (unsigned) {
            call.settings().options.add(DirectorySettings.OPTIONS_RESET);
        }
        call.settings().options.addAll(words);
        return null;
    }

    static String setHandler(DirectiveCall call) {
        call.settings().handler = call.arg(0);
        return null;
    }

    /** {@code AddHandler name ext...}: extensions lower-case with a leading dot. */
    static String addHandler(DirectiveCall call) {
        for (String ext : call.args().subList(1, call.args().size())) {
            String key = (ext.startsWith(".") ? ext : "." + ext).toLowerCase(Locale.ROOT);
            call.settings().addHandlers.put(key, call.arg(0));
        }
        return null;
    }

    static String directoryIndex(DirectiveCall call) {
        call.settings().directoryIndex = call.args();
        return null;
    }

    /** {@code Define name [value]}: takes effect for the lines read after it, in this file and the next ones. */
    static String define(DirectiveCall c) {
        if (c.arg(0).indexOf(':') >= 0) {
            return "Variable name must not contain ':'";
        }
        c.fragment().variables().define(c.arg(0), c.arg(1));
        return null;
    }

    /** {@code UnDefine name}. */
    static String undefine(DirectiveCall c) {
        if (c.arg(0).indexOf(':') >= 0) {
            return "Variable name must not contain ':'";
        }
        c.fragment().variables().undefine(c.arg(0));
        return null;
    }
}
