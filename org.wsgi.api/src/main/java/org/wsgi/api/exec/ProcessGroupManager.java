package org.wsgi.api.exec;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.wsgi.api.runtime.ProcessGroupDTO;

/**
 * Runs requests in named {@code WSGIDaemonProcess} groups: supervised OS processes, started, restarted and
 * stopped as the configuration says. Safe for concurrent use.
 */
@ProviderType
public interface ProcessGroupManager {

    /**
     * Runs the target in a process of the named group and streams its response through the exchange.
     *
     * @throws WsgiException before anything is sent: 500 when no such group is configured, 503 when no process of
     *         the group can be reached in time
     */
    void execute(String processGroup, ScriptTarget target, WsgiExchange exchange) throws WsgiException;

    /** Restarts every process of the group (gracefully: running requests finish). {@code false} if unknown. */
    boolean restart(String processGroup);

    /** A snapshot of every configured group and its processes. */
    List<ProcessGroupDTO> processGroups();
}
