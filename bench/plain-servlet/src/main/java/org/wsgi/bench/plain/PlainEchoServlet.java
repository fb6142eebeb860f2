package org.wsgi.bench.plain;

import java.io.IOException;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** The ceiling of the POST benchmark: echo.wsgi's answer (the request body, with its length) with no WSGI. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/plain/echo")
public class PlainEchoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] body = req.getInputStream().readAllBytes();
        resp.setContentType("application/octet-stream");
        resp.setContentLengthLong(body.length);
        resp.getOutputStream().write(body);
    }
}
