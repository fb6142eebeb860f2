/**
 * The services the org.wsgi bundles provide to each other: routing a request ({@link org.wsgi.api.WsgiRouter})
 * and the runtime view of what is deployed ({@link org.wsgi.api.WsgiRuntime}).
 */
@Export
@Version("2.2.0")
package org.wsgi.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
