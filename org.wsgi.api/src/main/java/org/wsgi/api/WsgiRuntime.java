package org.wsgi.api;

import org.osgi.annotation.versioning.ProviderType;
import org.wsgi.api.runtime.RuntimeDTO;

/**
 * The one place to read what is deployed, what failed and what is running. The Gogo commands, the status page and
 * the tests all read it. Thread-safe; each call returns a fresh snapshot.
 */
@ProviderType
public interface WsgiRuntime {

    /** A consistent snapshot of the runtime state. */
    RuntimeDTO getRuntimeDTO();
}
