package org.wsgi.router.internal;

import java.io.IOException;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.wsgi.api.WsgiRouter;
import org.wsgi.api.WsgiRuntime;
import org.wsgi.api.exec.InterpreterProvider;
import org.wsgi.api.exec.ProcessGroupManager;
import org.wsgi.router.http.CgiEnvironment;
import org.wsgi.router.http.StatusHandler;
import org.wsgi.router.http.WsgiServlet;

/**
 * Registers the WSGI servlet for every path with the HTTP whiteboard. The interpreter provider and the daemon
 * manager are optional and dynamic: while one is missing (e.g. during a bundle update) its requests get 503 rather
 * than the whole site going away.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/*")
public class WsgiServletComponent extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile InterpreterProvider interpreters;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ProcessGroupManager daemons;

    private final transient WsgiServlet delegate;

    @Activate
    public WsgiServletComponent(@Reference WsgiRouter router, @Reference WsgiRuntime runtime) {
        this.delegate = new WsgiServlet(router, () -> interpreters, () -> daemons,
                new CgiEnvironment("[no address given]"), new StatusHandler(runtime::getRuntimeDTO));
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        delegate.service(req, resp);
    }
}
