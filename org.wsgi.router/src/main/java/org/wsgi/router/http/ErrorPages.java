package org.wsgi.router.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

/** Apache's built-in error documents, so clients see the same pages they would from httpd. */
final class ErrorPages {

    private record Page(String title, String text) {
    }

    private static final Map<Integer, Page> PAGES = Map.of(
            301, new Page("Moved Permanently", "The document has moved."),
            302, new Page("Found", "The document has moved."),
            400, new Page("Bad Request", "Your browser sent a request that this server could not understand."),
            403, new Page("Forbidden", "You don't have permission to access this resource."),
            404, new Page("Not Found", "The requested URL was not found on this server."),
            405, new Page("Method Not Allowed", "The requested method is not allowed for this URL."),
            411, new Page("Length Required", "A request of the requested method POST requires a valid Content-length."),
            413, new Page("Request Entity Too Large", "The requested resource does not allow request data with "
                    + "the requested method or the amount of data provided in the request exceeds the capacity limit."),
            500, new Page("Internal Server Error", "The server encountered an internal error or misconfiguration "
                    + "and was unable to complete your request."),
            503, new Page("Service Unavailable", "The server is temporarily unable to service your request due to "
                    + "maintenance downtime or capacity problems. Please try again later."));

    private ErrorPages() {
    }

    static void send(HttpServletResponse response, int status) throws IOException {
        send(response, status, null, null);
    }

    /** The page for {@code status}, with one extra header (e.g. {@code Location}) when {@code header} is given. */
    static void send(HttpServletResponse response, int status, String header, String value) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        if (header != null) {
            response.setHeader(header, value);
        }
        Page p = PAGES.getOrDefault(status, new Page("Error", "The server could not complete your request."));
        String body = "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>" + status + " "
                + p.title + "</title>\n</head><body>\n<h1>" + p.title + "</h1>\n<p>" + p.text + "</p>\n</body></html>\n";
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        response.setStatus(status);
        response.setContentType("text/html; charset=iso-8859-1");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
