package org.wsgi.router.http;

import java.util.Map;

import org.wsgi.router.match.StatusLines;

/**
 * The text of Apache httpd 2.4's built-in error documents (its "canned" error responses), byte for byte as the
 * reference sends them (conformance/routing/error-pages): the status line as title and heading, then a paragraph
 * that depends on the status, the request method, the redirect target or {@code ServerAdmin}. A status without a
 * text of its own gets the internal error's, as Apache gives it. Pure and thread-safe.
 */
final class CannedPages {

    private static final String DOCTYPE =
            "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\" \"http://www.w3.org/TR/html4/strict.dtd\">\n";
    /** {@code ServerAdmin} when none is configured. */
    static final String NO_ADMIN = "[no address given]";

    private static final String UNAUTHORIZED = "<p>This server could not verify that you\n"
            + "are authorized to access the document\n"
            + "requested.  Either you supplied the wrong\n"
            + "credentials (e.g., bad password), or your\n"
            + "browser doesn't understand how to supply\n"
            + "the credentials required.</p>\n";

    /** Texts that depend on nothing but the status. */
    private static final Map<Integer, String> FIXED = Map.ofEntries(
            Map.entry(300, ""),
            Map.entry(305, "<p>This resource is only accessible through the proxy\n<br />\n"
                    + "You will need to configure your client to use that proxy.</p>\n"),
            Map.entry(400, "<p>Your browser sent a request that this server could not understand.<br />\n</p>\n"),
            Map.entry(401, UNAUTHORIZED),
            Map.entry(403, "<p>You don't have permission to access this resource.</p>\n"),
            Map.entry(404, "<p>The requested URL was not found on this server.</p>\n"),
            Map.entry(406, "<p>An appropriate representation of the requested resource could not be found on this"
                    + " server.</p>\n"),
            Map.entry(407, UNAUTHORIZED),
            Map.entry(408, "<p>Server timeout waiting for the HTTP request from the client.</p>\n"),
            Map.entry(410, "<p>The requested resource is no longer available on this server and there is no"
                    + " forwarding address.\nPlease remove all references to this resource.</p>\n"),
            Map.entry(412, "<p>The precondition on the request for this URL evaluated to false.</p>\n"),
            Map.entry(414, "<p>The requested URL's length exceeds the capacity\nlimit for this server.<br />\n</p>\n"),
            Map.entry(415, "<p>The supplied request data is not in a format\n"
                    + "acceptable for processing by this resource.</p>\n"),
            Map.entry(416, "<p>None of the range-specifier values in the Range\n"
                    + "request-header field overlap the current extent\nof the selected resource.</p>\n"),
            Map.entry(417, "<p>No expectation was seen, the Expect request-header \n"
                    + "field was not presented by the client.\n"
                    + "</p><p>Only the 100-continue expectation is supported.</p>\n"),
            Map.entry(421, "<p>The client needs a new connection for this\n"
                    + "request as the requested host name does not match\n"
                    + "the Server Name Indication (SNI) in use for this\nconnection.</p>\n"),
            Map.entry(422, "<p>The server understands the media type of the\n"
                    + "request entity, but was unable to process the\ncontained instructions.</p>\n"),
            Map.entry(423, "<p>The requested resource is currently locked.\n"
                    + "The lock must be released or proper identification\ngiven before the method can be applied.</p>\n"),
            Map.entry(424, "<p>The method could not be performed on the resource\n"
                    + "because the requested action depended on another\naction and that other action failed.</p>\n"),
            Map.entry(426, "<p>The requested resource can only be retrieved\n"
                    + "using SSL.  The server is willing to upgrade the current\n"
                    + "connection to SSL, but your client doesn't support it.\n"
                    + "Either upgrade your client, or try requesting the page\nusing https://\n"),
            Map.entry(428, "<p>The request is required to be conditional.</p>\n"),
            Map.entry(429, "<p>The user has sent too many requests\nin a given amount of time.</p>\n"),
            Map.entry(431, "<p>The server refused this request because\n"
                    + "the request header fields are too large.</p>\n"),
            Map.entry(451, "<p>Access to this URL has been denied for legal reasons.<br />\n</p>\n"),
            Map.entry(502, "<p>The proxy server received an invalid\r\n"
                    + "response from an upstream server.<br />\r\n</p>\n"),
            Map.entry(503, "<p>The server is temporarily unable to service your\n"
                    + "request due to maintenance downtime or capacity\nproblems. Please try again later.</p>\n"),
            Map.entry(504, "<p>The gateway did not receive a timely response\n"
                    + "from the upstream server or application.</p>\n"),
            Map.entry(506, "<p>A variant for the requested resource\n<pre>\n\n</pre>\n"
                    + "is itself a negotiable resource. This indicates a configuration error.</p>\n"),
            Map.entry(507, "<p>The method could not be performed on the resource\n"
                    + "because the server is unable to store the\n"
                    + "representation needed to successfully complete the\n"
                    + "request.  There is insufficient free space left in\nyour storage allocation.</p>\n"),
            Map.entry(508, "<p>The server terminated an operation because\nit encountered an infinite loop.</p>\n"),
            Map.entry(510, "<p>A mandatory extension policy in the request is not\n"
                    + "accepted by the server for this resource.</p>\n"),
            Map.entry(511, "<p>The client needs to authenticate to gain\nnetwork access.</p>\n"));

    private CannedPages() {
    }

    /**
     * The page for {@code status}.
     *
     * @param method the request method (named by the 405, 411, 413 and 501 pages)
     * @param location the redirect target of a 3xx, else {@code null}
     * @param serverAdmin {@code ServerAdmin}, or {@code null} for {@link #NO_ADMIN}
     */
    static String page(int status, String method, String location, String serverAdmin) {
        return page(status, method, location, serverAdmin, 0);
    }

    /**
     * As {@link #page(int, String, String, String)}; a non-zero {@code recursive} is the status met while an
     * {@code ErrorDocument} was tried for this one, which Apache adds a paragraph about.
     */
    static String page(int status, String method, String location, String serverAdmin, int recursive) {
        String statusLine = StatusLines.of(status);
        String additionally = recursive == 0 ? "" : "<p>Additionally, a " + StatusLines.of(recursive)
                + "\nerror was encountered while trying to use an ErrorDocument to handle the request.</p>\n";
        return DOCTYPE + "<html><head>\n<title>" + statusLine + "</title>\n</head><body>\n<h1>"
                + statusLine.substring(4) + "</h1>\n" + text(status, method, location, serverAdmin) + additionally
                + "</body></html>\n";
    }

    private static String text(int status, String method, String location, String serverAdmin) {
        String fixed = FIXED.get(status);
        if (fixed != null) {
            return fixed;
        }
        String href = location == null ? "" : escape(location);
        switch (status) {
            case 301, 302, 307, 308:
                return "<p>The document has moved <a href=\"" + href + "\">here</a>.</p>\n";
            case 303:
                return "<p>The answer to your request is located <a href=\"" + href + "\">here</a>.</p>\n";
            case 405:
                return "<p>The requested method " + escape(method) + " is not allowed for this URL.</p>\n";
            case 411:
                return "<p>A request of the requested method " + escape(method)
                        + " requires a valid Content-length.<br />\n</p>\n";
            case 413:
                return "The requested resource does not allow request data with " + escape(method)
                        + " requests, or the amount of data provided in\nthe request exceeds the capacity limit.\n";
            case 501:
                return "<p>" + escape(method) + " not supported for current URL.<br />\n</p>\n";
            default:
                return "<p>The server encountered an internal error or\n"
                        + "misconfiguration and was unable to complete\nyour request.</p>\n"
                        + "<p>Please contact the server administrator at \n "
                        + escape(serverAdmin == null ? NO_ADMIN : serverAdmin)
                        + " to inform them of the time this error occurred,\n"
                        + " and the actions you performed just before this error.</p>\n"
                        + "<p>More information about this error may be available\nin the server error log.</p>\n";
        }
    }

    /** Apache's {@code ap_escape_html}: the four markup characters, nothing else. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
