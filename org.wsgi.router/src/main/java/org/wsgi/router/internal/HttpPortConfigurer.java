package org.wsgi.router.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the runtime's port ({@code -Dwsgi.port}, default 8080 in the distribution) to Felix HTTP through
 * Configuration Admin, so that Jetty binds once, on that port. Only active where the {@code wsgi.port} property is
 * set: in a user's own Felix our bundles leave the HTTP service configuration alone.
 * <p>
 * It also sets Jetty's URI compliance to {@code UNSAFE}: by default Jetty 12 answers 400 to every "ambiguous" path
 * (empty segments, encoded slashes, encoded dots, {@code %25}, {@code %00}) before a servlet runs, where Apache
 * merges slashes, decodes, normalises and decides 404 or 200 itself. The router does that work on the raw
 * request URI (never leaving a mapped directory), so it must see those requests, as Apache does.
 */
@Component(immediate = true)
public class HttpPortConfigurer {

    static final String PORT_PROPERTY = "wsgi.port";
    static final String FELIX_HTTP_PID = "org.apache.felix.http";
    static final String URI_COMPLIANCE = "org.eclipse.jetty.UriComplianceMode";
    private static final Logger LOG = LoggerFactory.getLogger(HttpPortConfigurer.class);

    @Activate
    public HttpPortConfigurer(BundleContext context, @Reference ConfigurationAdmin cm) throws IOException {
        String port = context.getProperty(PORT_PROPERTY);
        if (port == null) {
            return;
        }
        Integer.parseInt(port.trim());
        Configuration c = cm.getConfiguration(FELIX_HTTP_PID, "?");
        Dictionary<String, Object> current = c.getProperties();
        if (current != null && port.trim().equals(String.valueOf(current.get("org.osgi.service.http.port")))
                && "UNSAFE".equals(current.get(URI_COMPLIANCE))) {
            return;
        }
        Dictionary<String, Object> p = new Hashtable<>();
        p.put("org.osgi.service.http.port", port.trim());
        p.put("org.apache.felix.http.enable", "true");
        p.put("org.apache.felix.http.name", "mod_wsgi-jvm");
        p.put(URI_COMPLIANCE, "UNSAFE");
        c.update(p);
        LOG.info("HTTP on port {}", port.trim());
    }
}
