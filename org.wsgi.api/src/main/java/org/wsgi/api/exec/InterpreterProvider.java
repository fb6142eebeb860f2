package org.wsgi.api.exec;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.osgi.annotation.versioning.ConsumerType;
import org.wsgi.api.runtime.ApplicationGroupDTO;

/**
 * Runs WSGI applications in application groups (isolated interpreters) inside this JVM: mod_wsgi's embedded
 * mode. Implementations must be safe for concurrent calls from many request threads; a call for one group must not
 * block calls for another.
 */
@ConsumerType
public interface InterpreterProvider {

    /**
     * Loads the target's script if needed (or reloads it when reloading is on and its modification time changed),
     * then calls its WSGI callable and streams the response through the exchange.
     *
     * @throws WsgiException if nothing was sent yet and the request must be answered with an error status: 404
     *         when the script or callable does not exist, 500 when loading or calling it failed
     */
    void execute(ScriptTarget target, WsgiExchange exchange) throws WsgiException;

    /**
     * Loads the script now (pre-loading by {@code WSGIImportScript} or a mount with both groups given), creating
     * the group if needed, after {@code %{GLOBAL}} exists. Failures are logged, never thrown.
     */
    void preload(ScriptTarget target);

    /**
     * Tears down every application group, other than {@code %{GLOBAL}}, for which {@code keep} answers false
     * once its last request ends (its atexit handlers run). {@code keep} is asked about each group as it is when
     * the groups are gone through, not as it was when the caller decided, so a group made in between is judged
     * too. Calls take effect in the order they are made, also relative to {@link #preload}.
     */
    void retainGroups(Predicate<ApplicationGroupDTO> keep);

    /**
     * Calls a function of one of mod_wsgi's hook scripts ({@code WSGIAccessScript}'s {@code allow_access},
     * {@code WSGIAuthUserScript}'s {@code check_password}, {@code WSGIAuthGroupScript}'s {@code groups_for_user}) as
     * {@code function(environ, *args)}, in the target's application group, the script loaded (or reloaded) as for a
     * request. {@code environ} holds the request's CGI variables; the provider adds its own keys.
     *
     * @return what the function returned: {@code Boolean}, {@code String}, a {@code List<String>} for a sequence of
     *         strings, or {@code null} for {@code None}
     * @throws WsgiException 404 when the script lacks the function; 500 when the script cannot be loaded or the
     *         function raised (the traceback is logged)
     */
    default Object callHook(ScriptTarget hook, String function, Map<String, String> environ, List<String> args)
            throws WsgiException {
        throw new WsgiException(500, "This interpreter provider does not run hook scripts");
    }

    /** Reloads every script of the group on its next request. Returns {@code false} if there is no such group. */
    boolean reload(String applicationGroup);

    /** A snapshot of every live application group. */
    List<ApplicationGroupDTO> applicationGroups();
}
