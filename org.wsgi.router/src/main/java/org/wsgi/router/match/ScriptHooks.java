package org.wsgi.router.match;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.wsgi.api.exec.ScriptTarget;
import org.wsgi.api.exec.WsgiException;

/**
 * mod_wsgi's access and authentication hooks as the access phases use them, with the answers real mod_wsgi 4.9.4
 * gives (recorded with modwsgi-ref): {@code allow_access(environ, host)} True or None lets the request on, False or
 * an error refuses it; {@code check_password(environ, user, password)} True authenticates the user, a string
 * authenticates under that name, False refuses, None means unknown here (the next provider is asked);
 * {@code groups_for_user(environ, user)} names the user's groups for {@code Require wsgi-group}.
 */
final class ScriptHooks {

    /** What a hook call needs of the request: its variables (made on first use) and its group names expanded. */
    record Call(Supplier<Map<String, String>> environ, UnaryOperator<String> groups, Path serverRoot) {
    }

    /** The answer of {@code check_password}. */
    record Password(boolean known, boolean granted, String user) {
    }

    private final HookRunner runner;

    ScriptHooks(HookRunner runner) {
        this.runner = runner;
    }

    /**
     * {@code allow_access}: {@code TRUE} lets the request on, {@code FALSE} refuses it (also when the hook fails),
     * {@code null} (None) leaves it to the other rules.
     */
    Boolean allowAccess(List<String> directive, Call call, String host) {
        try {
            Object r = run(directive, call, "allow_access", List.of(host));
            return r == null ? null : Boolean.TRUE.equals(r);
        } catch (WsgiException | RuntimeException e) {
            return Boolean.FALSE;
        }
    }

    Password checkPassword(List<String> directive, Call call, String user, String password) throws WsgiException {
        Object r = run(directive, call, "check_password", List.of(user, password));
        if (r == null) {
            return new Password(false, false, null);
        }
        if (r instanceof String name) {
            return new Password(true, true, name);
        }
        if (r instanceof Boolean granted) {
            return new Password(true, granted, user);
        }
        throw new WsgiException(500, "Basic auth provider must return True, False, None or user name as string");
    }

    @SuppressWarnings("unchecked")
    List<String> groupsForUser(List<String> directive, Call call, String user) throws WsgiException {
        Object r = run(directive, call, "groups_for_user", List.of(user));
        if (r instanceof List<?> groups) {
            return (List<String>) groups;
        }
        throw new WsgiException(500, "Groups for user returned from '" + directive.get(0)
                + "' must be an iterable sequence of byte strings");
    }

    /** What a {@code WSGIDispatchScript} chose for a request; {@code null} where it chose nothing. */
    record Dispatch(String processGroup, String applicationGroup, String callableObject) {
    }

    /**
     * {@code WSGIDispatchScript}: its {@code process_group}, {@code application_group} and {@code callable_object}
     * functions, each optional, each returning a name or None (recorded with modwsgi-ref: a function that raises
     * makes the request a 500).
     */
    Dispatch dispatch(List<String> directive, Call call) throws WsgiException {
        return new Dispatch(choice(directive, call, "process_group"), choice(directive, call, "application_group"),
                choice(directive, call, "callable_object"));
    }

    private String choice(List<String> directive, Call call, String function) throws WsgiException {
        Object r;
        try {
            r = run(directive, call, function, List.of());
        } catch (WsgiException e) {
            if (e.status() == 404) {
                return null; // the script does not define this one
            }
            throw e;
        }
        if (r == null || r instanceof String) {
            return (String) r;
        }
        throw new WsgiException(500, "WSGI dispatch script '" + directive.get(0) + "' returned a " + function
                + " that is not a string");
    }

    /** The stored directive is {@code path [application-group=name]}; the group defaults to %{GLOBAL}. */
    private Object run(List<String> directive, Call call, String function, List<String> args) throws WsgiException {
        if (directive == null || directive.isEmpty()) {
            throw new WsgiException(500, "No WSGI script has been configured to provide " + function);
        }
        String group = "";
        for (String option : directive.subList(1, directive.size())) {
            if (option.startsWith("application-group=")) {
                group = call.groups().apply(option.substring("application-group=".length()));
            }
        }
        Map<String, String> environ = new java.util.LinkedHashMap<>(call.environ().get());
        environ.put("mod_wsgi.application_group", group);
        ScriptTarget hook = new ScriptTarget(call.serverRoot().resolve(directive.get(0)), group, function, true);
        return runner.call(hook, function, environ, args);
    }
}
