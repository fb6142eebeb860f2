/**
 * Data transfer objects describing the running system, returned by {@link org.wsgi.api.WsgiRuntime}. They are
 * snapshots: plain public fields, no behaviour, safe to hand to the shell, the status page and tests.
 */
@Export
@Version("1.0.0")
package org.wsgi.api.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
