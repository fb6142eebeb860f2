package org.wsgi.config.apache.parser;

import java.util.LinkedHashMap;
import java.util.Map;

import org.wsgi.api.config.ScriptMount;

/** The WSGI directives the model has typed fields for. */
final class WsgiHandlers {

    private WsgiHandlers() {
    }

    /** {@code WSGIScriptAlias} and {@code WSGIScriptAliasMatch}. */
    static String scriptAlias(DirectiveCall call, ScriptMount.Kind kind) {
        ConfWords words = new ConfWords(call.raw());
        String url = words.next();
        if (url.isEmpty() || !words.hasMore()) {
            return call.name() + " requires at least two arguments, " + call.directive().help();
        }
        String target = words.next();
        if (target.isEmpty()) {
            return call.name() + " requires at least two arguments, " + call.directive().help();
        }
        String processGroup = null;
        String applicationGroup = null;
        String callableObject = null;
        Boolean passAuthorization = null;
        while (words.hasMore()) {
            String[] option = words.nextOption();
            if (option == null) {
                return "Invalid option to WSGI script alias definition.";
            }
            String value = option[1];
            String error;
            switch (option[0]) {
                case "application-group" -> {
                    error = groupName(value, "application", Expansions.APPLICATION_GROUP);
                    applicationGroup = value;
                }
                case "process-group" -> {
                    error = groupName(value, "process", Expansions.PROCESS_GROUP);
                    processGroup = value;
                }
                case "callable-object" -> {
                    error = value.isEmpty() ? "Invalid name for WSGI callable object."
                            : Expansions.check(value, Expansions.CALLABLE_OBJECT);
                    callableObject = value;
                }
                case "pass-authorization" -> {
                    passAuthorization = CommonHandlers.flag(value);
                    error = passAuthorization == null ? "Invalid value for authorization flag." : null;
                }
                default -> error = "Invalid option to WSGI script alias definition.";
            }
            if (error != null) {
                return error;
            }
        }
        if (kind == ScriptMount.Kind.MATCH && !CommonHandlers.compiles(url)) {
            return "Regular expression could not be compiled.";
        }
        ScriptMount mount = new ScriptMount(kind, url, call.fragment().resolve(target), processGroup,
                applicationGroup, callableObject, passAuthorization, call.location());
        if (preloads(mount) && !"%{GLOBAL}".equals(processGroup)) {
            String error = useGroup(call, processGroup);
            if (error != null) {
                return error;
            }
        }
        call.server().mounts.add(mount);
        return null;
    }

    /** {@code WSGIDaemonProcess}. */
    static String daemonProcess(DirectiveCall call) {
        ConfWords words = new ConfWords(call.raw());
        String name = words.next();
        if (name.isEmpty()) {
            return "Name of WSGI daemon process not supplied.";
        }
        Map<String, String> options = new LinkedHashMap<>();
        while (words.hasMore()) {
            String[] option = words.nextOption();
            if (option == null) {
                return "Invalid option to WSGI daemon process definition.";
            }
            String error = DaemonOptions.check(option[0], option[1]);
            if (error != null) {
                return error;
            }
            options.put(option[0], option[1]);
        }
        if (options.containsKey("script-user") && options.containsKey("script-group")) {
            return "Only one of script-user and script-group allowed.";
        }
        if (call.fragment().daemon(name).isPresent()) {
            return "Name duplicates previous WSGI daemon definition.";
        }
        ServerBuilder owner = call.scope().inVirtualHost() ? call.server() : null;
        call.fragment().addDaemon(new FragmentBuilder.DaemonDraft(name, options, owner, call.location()));
        return null;
    }

    /** {@code WSGIImportScript}. */
    static String importScript(DirectiveCall call) {
        ConfWords words = new ConfWords(call.raw());
        String script = words.next();
        if (script.isEmpty()) {
            return "Location of import script not supplied.";
        }
        String processGroup = null;
        String applicationGroup = null;
        while (words.hasMore()) {
            String[] option = words.nextOption();
            String error;
            if (option != null && option[0].equals("application-group")) {
                applicationGroup = option[1];
                error = groupName(option[1], "application", Expansions.APPLICATION_GROUP);
            } else if (option != null && option[0].equals("process-group")) {
                processGroup = option[1];
                error = option[1].isEmpty() ? "Invalid name for WSGI process group." : null;
            } else {
                error = "Invalid option to WSGI import script definition.";
            }
            if (error != null) {
                return error;
            }
        }
        if (applicationGroup == null) {
            return "Name of WSGI application group required.";
        }
        if (processGroup == null) {
            return "Name of WSGI process group required.";
        }
        if (!processGroup.equals("%{GLOBAL}")) {
            String error = useGroup(call, processGroup);
            if (error != null) {
                return error;
            }
        }
        call.fragment().addImportScript(new ScriptMount(ScriptMount.Kind.PREFIX, "", call.fragment().resolve(script),
                processGroup, applicationGroup, null, null, call.location()));
        return null;
    }

    /** {@code WSGIProcessGroup}. */
    static String processGroup(DirectiveCall call) {
        String error = Expansions.check(call.arg(0), Expansions.PROCESS_GROUP);
        call.settings().processGroup = call.arg(0);
        return error;
    }

    /** {@code WSGIApplicationGroup}. */
    static String applicationGroup(DirectiveCall call) {
        String error = Expansions.check(call.arg(0), Expansions.APPLICATION_GROUP);
        call.settings().applicationGroup = call.arg(0);
        return error;
    }

    /** {@code WSGICallableObject}. */
    static String callableObject(DirectiveCall call) {
        String error = Expansions.check(call.arg(0), Expansions.CALLABLE_OBJECT);
        call.settings().callableObject = call.arg(0);
        return error;
    }

    static String passAuthorization(DirectiveCall call) {
        call.settings().passAuthorization = CommonHandlers.flag(call.arg(0));
        return CommonHandlers.onOff(call);
    }

    static String scriptReloading(DirectiveCall call) {
        call.settings().scriptReloading = CommonHandlers.flag(call.arg(0));
        return CommonHandlers.onOff(call);
    }

    static String chunkedRequest(DirectiveCall call) {
        call.settings().chunkedRequest = CommonHandlers.flag(call.arg(0));
        return CommonHandlers.onOff(call);
    }

    /** {@code WSGIRestrictProcess}: the group names as written ({@code %{GLOBAL}} standing for embedded). */
    static String restrictProcess(DirectiveCall call) {
        call.settings().restrictProcess = ConfWords.split(call.raw());
        return null;
    }

    /**
     * mod_wsgi's pre-load rule, reading {@code %{GLOBAL}} as the empty name it stands for: both groups given, no
     * other expansion in either, no {@code $} substitution in a match target.
     */
    static boolean preloads(ScriptMount m) {
        return m.processGroup() != null && m.applicationGroup() != null && literal(m.processGroup())
                && literal(m.applicationGroup()) && !(m.kind() == ScriptMount.Kind.MATCH && m.target().contains("$"));
    }

    private static boolean literal(String group) {
        return group.equals("%{GLOBAL}") || !group.contains("%{");
    }

    private static String groupName(String value, String which, java.util.Set<String> allowed) {
        if (value.isEmpty()) {
            return "Invalid name for WSGI " + which + " group.";
        }
        return Expansions.check(value, allowed);
    }

    /**
     * Checks a use that mod_wsgi resolves while reading: the group must be defined before, in this file (checked
     * here) or in an earlier one (recorded for the assembler).
     */
    private static String useGroup(DirectiveCall call, String group) {
        String user = call.server().serverName;
        var defined = call.fragment().daemon(group);
        if (defined.isEmpty()) {
            call.fragment().addGroupReference(new GroupReference(group, call.name(), user,
                    call.scope().inVirtualHost(), call.location()));
            return null;
        }
        ServerBuilder owner = defined.get().owner();
        return GroupAccess.check(owner != null, owner == null ? null : owner.serverName, user);
    }
}
