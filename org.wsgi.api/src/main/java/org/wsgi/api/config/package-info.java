/**
 * The immutable configuration model: what the Apache-style {@code .conf} files in the watched folder say, as one
 * snapshot. A snapshot is never modified; a change of any file produces a new snapshot with a higher
 * {@linkplain org.wsgi.api.config.WsgiConfiguration#generation() generation}, delivered to every
 * {@link org.wsgi.api.config.ConfigurationListener}.
 */
@Export
@Version("1.1.0")
package org.wsgi.api.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
