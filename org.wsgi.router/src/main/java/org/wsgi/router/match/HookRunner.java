package org.wsgi.router.match;

import java.util.List;
import java.util.Map;

import org.wsgi.api.exec.ScriptTarget;
import org.wsgi.api.exec.WsgiException;

/**
 * Runs a function of one of mod_wsgi's access and authentication hook scripts for the router (in the OSGi shell, the
 * interpreter provider's {@code callHook}).
 */
@FunctionalInterface
public interface HookRunner {

    /** No interpreter: every hook fails, so what it guards stays closed. */
    HookRunner NONE = (hook, function, environ, args) -> {
        throw new WsgiException(503, "No interpreter is available to run " + hook.script());
    };

    /**
     * @return what the function returned: {@code Boolean}, {@code String}, {@code List<String>}, or {@code null}
     * @throws WsgiException when the script could not be run or the function failed
     */
    Object call(ScriptTarget hook, String function, Map<String, String> environ, List<String> args)
            throws WsgiException;
}
