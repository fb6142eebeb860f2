package org.wsgi.router.match;

import org.wsgi.api.config.DirectorySettings;

/** What Apache's default handler decides before it serves a file: which methods look for it, and the body's size. */
final class DefaultHandler {

    private DefaultHandler() {
    }

    /**
     * Whether Apache's default handler looks for the file: for GET, HEAD and POST only; any other method is answered
     * (OPTIONS) or refused (405, 501) whether the file exists or not.
     */
    static boolean readsFile(Mapper.Request r) {
        String method = r.http().method();
        return method.equals("GET") || method.equals("HEAD") || method.equals("POST");
    }

    /** Apache's complaint when the request's Content-Length passes {@code LimitRequestBody}, else {@code null}. */
    static String bodyTooLarge(Mapper.Request r, DirectorySettings s) {
        long limit = s.limitRequestBody() == null ? 0L : s.limitRequestBody();
        String length = r.http().headers().get("content-length");
        if (limit <= 0 || length == null) {
            return null;
        }
        try {
            long n = Long.parseLong(length.trim());
            return n > limit ? "AH01588: Requested content-length of " + n + " is larger than the configured limit of "
                    + limit : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
