package org.wsgi.api.config;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service told of every new configuration snapshot. The source calls a newly registered listener once
 * with the current snapshot, then once per change, never concurrently for one listener, always with increasing
 * generations. A listener must not block: it swaps a reference and returns.
 */
@ConsumerType
public interface ConfigurationListener {

    /**
     * A new snapshot is live.
     *
     * @param configuration the snapshot; never {@code null}
     */
    void configurationChanged(WsgiConfiguration configuration);
}
