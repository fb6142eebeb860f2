/**
 * Running a routed request: the {@link org.wsgi.api.exec.WsgiExchange} a request is carried in, the embedded
 * {@link org.wsgi.api.exec.InterpreterProvider} and the daemon {@link org.wsgi.api.exec.ProcessGroupManager}.
 */
@Export
@Version("2.1.0")
package org.wsgi.api.exec;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
