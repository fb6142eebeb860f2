package org.wsgi.config.apache.parser;

import java.util.List;
import java.util.Set;

/**
 * {@code ErrorDocument code document} as Apache's core reads it: the code must be one Apache has a status line for,
 * and a full URL is ignored (with a notice) for 401, where a redirect would lose the challenge. Stored as written;
 * the router tells a message, a local URL-path and a full URL apart as Apache does.
 */
final class ErrorDocumentHandler {

    /** The codes Apache 2.4 has status lines for ({@code status_lines[]} in http_protocol.c). */
    private static final Set<Integer> KNOWN = Set.of(100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208,
            226, 300, 301, 302, 303, 304, 305, 306, 307, 308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410,
            411, 412, 413, 414, 415, 416, 417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501, 502,
            503, 504, 505, 506, 507, 508, 510, 511);

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
        c.store(List.of(Integer.toString(status), document));
        return null;
    }
}
