package org.wsgi.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Maps a request to a script, SCRIPT_NAME/PATH_INFO, application and process group and environment, exactly as
 * Apache with mod_wsgi would under the current configuration snapshot. Pure and thread-safe: a call reads the
 * current snapshot once and computes from it alone.
 */
@ProviderType
public interface WsgiRouter {

    /**
     * Routes one request.
     *
     * @return never {@code null}; unmatched requests give an {@link Route.Outcome#ERROR} route with status 404
     */
    Route route(RouteRequest request);
}
