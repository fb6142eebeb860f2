package org.wsgi.config.apache.parser;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code ErrorDocument code document} as Apache's core reads it: the code must be one Apache has a status line for,
 * a full URL is ignored (with a notice) for 401, where a redirect would lose the challenge, and the document is a
 * string expression whose {@code %{...}} must name a variable or function Apache's expression parser knows. Stored
 * under {@code ErrorDocument <code>}, so that an inner context overrides an outer one per status, as Apache merges
 * them; the router tells a message, a local URL-path and a full URL apart as Apache does.
 */
final class ErrorDocumentHandler {

    /** The key prefix of the stored documents. */
    static final String KEY = "ErrorDocument ";
    /**
     * Stored too, with the status, wherever a document is: the router asks for this one key on every request instead
     * of looking through every stored directive for the prefix.
     */
    static final String PRESENT = "ErrorDocument";

    /** The codes Apache 2.4 has status lines for ({@code status_lines[]} in http_protocol.c). */
    private static final Set<Integer> KNOWN = Set.of(100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208,
            226, 300, 301, 302, 303, 304, 305, 306, 307, 308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410,
            411, 412, 413, 414, 415, 416, 417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501, 502,
            503, 504, 505, 506, 507, 508, 510, 511);

    /** The variables of Apache 2.4's expression parser (ap_expr's request, connection and server variables). */
    private static final Set<String> VARIABLES = Set.of("HTTP_ACCEPT", "HTTP_COOKIE", "HTTP_FORWARDED", "HTTP_HOST",
            "HTTP_PROXY_CONNECTION", "HTTP_REFERER", "HTTP_USER_AGENT", "REQUEST_METHOD", "REQUEST_SCHEME",
            "REQUEST_URI", "DOCUMENT_URI", "REQUEST_FILENAME", "SCRIPT_FILENAME", "LAST_MODIFIED", "SCRIPT_USER",
            "SCRIPT_GROUP", "PATH_INFO", "QUERY_STRING", "IS_SUBREQ", "THE_REQUEST", "REMOTE_ADDR", "REMOTE_PORT",
            "REMOTE_HOST", "REMOTE_USER", "REMOTE_IDENT", "SERVER_NAME", "SERVER_PORT", "SERVER_ADMIN",
            "SERVER_PROTOCOL", "DOCUMENT_ROOT", "AUTH_TYPE", "CONTENT_TYPE", "HANDLER", "HTTP2", "HTTPS", "IPV6",
            "REQUEST_STATUS", "REQUEST_LOG_ID", "CONN_LOG_ID", "CONN_REMOTE_ADDR", "CONTEXT_PREFIX",
            "CONTEXT_DOCUMENT_ROOT", "TIME_YEAR", "TIME_MON", "TIME_DAY", "TIME_HOUR", "TIME_MIN", "TIME_SEC",
            "TIME_WDAY", "TIME", "SERVER_SOFTWARE", "API_VERSION");
    /** Its string functions ({@code %{name:argument}}). */
    private static final Set<String> FUNCTIONS = Set.of("req", "http", "req_novary", "resp", "reqenv", "v", "osenv",
            "note", "env", "tolower", "toupper", "escape", "unescape", "base64", "unbase64", "sha1", "md5", "file",
            "filemod", "filesize", "ldap");

    private ErrorDocumentHandler() {
    }

    static String errorDocument(DirectiveCall c) {
        String code = c.arg(0);
        int status = CommonHandlers.atoi(code);
        if (!KNOWN.contains(status)) {
            return "Unsupported HTTP response code " + code;
        }
        String document = c.arg(1);
        if (status == 401 && document.indexOf(' ') < 0 && !document.startsWith("/")
                && RedirectHandlers.isUrl(document)) {
            c.notice("cannot use a full URL in a 401 ErrorDocument directive --- ignoring!");
            return null;
        }
        if (!document.equalsIgnoreCase("default")) {
            String error = expressionError(document);
            if (error != null) {
                return "Cannot parse expression in ErrorDocument: " + error;
            }
        }
        c.settings().store(KEY + status, List.of(document));
        c.settings().store(PRESENT, List.of(Integer.toString(status)));
        return null;
    }

    /** What Apache's expression parser says of {@code document}'s {@code %{...}}, or {@code null}. */
    static String expressionError(String document) {
        for (int at = document.indexOf("%{"); at >= 0; at = document.indexOf("%{", at + 2)) {
            int end = document.indexOf('}', at);
            String inside = document.substring(at + 2, end < 0 ? document.length() : end);
            if (end < 0) {
                return "syntax error, unexpected T_ERROR, expecting " + (inside.isEmpty() ? "T_ID"
                        : "T_VAR_END or ':'") + ": Unterminated string or variable";
            }
            int colon = inside.indexOf(':');
            if (colon >= 0) {
                String function = inside.substring(0, colon);
                if (!FUNCTIONS.contains(function.toLowerCase(Locale.ROOT))) {
                    return "Function '" + function + "' does not exist";
                }
            } else if (!VARIABLES.contains(inside.toUpperCase(Locale.ROOT)) && !inside.startsWith("SSL_")) {
                return "Variable '" + inside + "' does not exist";
            }
            at = end - 1;
        }
        return null;
    }
}
