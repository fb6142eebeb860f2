package org.wsgi.bench.plain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** The ceiling of the HTTP benchmark: the same 12 bytes as hello.wsgi, with no WSGI in between. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/plain/hello")
public class PlainHelloServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final byte[] HELLO = "Hello World!".getBytes(StandardCharsets.US_ASCII);

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain");
        resp.setContentLengthLong(HELLO.length);
        resp.getOutputStream().write(HELLO);
    }
}
