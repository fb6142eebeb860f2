package org.wsgi.router.match;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Turns a raw request path into the form Apache matches aliases against ({@code r->uri}): %-decoded and with
 * dot-segments removed, so that a path can never climb out of the directory it is mapped to.
 */
public final class UriPath {

    private UriPath() {
    }

    /**
     * The request target as the client sent its bytes, one char per byte: Jetty hands servlets a target whose bytes
     * beyond ASCII were decoded as UTF-8 (an invalid sequence is U+FFFD by then, which no one can undo), where
     * Apache keeps them as they came; PEP 3333 carries them as latin-1. ASCII targets are returned as they are.
     */
    public static String rawBytes(String target) {
        if (target == null) {
            return null;
        }
        for (int i = 0; i < target.length(); i++) {
            if (target.charAt(i) > 0x7f) {
                return new String(target.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            }
        }
        return target;
    }

    /**
     * Decodes and normalises a raw path.
     *
     * @return the decoded path as a byte string (one char per byte, as {@link #bytes}), always starting with
     *         {@code /}
     * @throws BadPathException when Apache refuses the path: 404 for an encoded {@code /} or NUL (as with
     *         {@code AllowEncodedSlashes Off}), 400 for a bad escape or a path that is not absolute or climbs above
     *         the root
     */
    public static String decode(String raw) throws BadPathException {
        return decode(raw, EncodedSlashes.OFF);
    }

    /** {@code AllowEncodedSlashes}: refuse ({@code Off}), decode ({@code On}) or keep ({@code NoDecode}) a %2F. */
    public enum EncodedSlashes {
        OFF, ON, NO_DECODE;

        static EncodedSlashes of(String value) {
            if (value == null || value.equalsIgnoreCase("off")) {
                return OFF;
            }
            return value.equalsIgnoreCase("nodecode") ? NO_DECODE : ON;
        }
    }

    /** {@link #decode(String)} under an {@code AllowEncodedSlashes} setting. */
    public static String decode(String raw, EncodedSlashes slashes) throws BadPathException {
        if (raw.isEmpty() || raw.charAt(0) != '/') {
            throw new BadPathException(400, "Invalid URI in request: " + raw);
        }
        // Apache 2.4's MergeSlashes On: runs of '/' are one before any mapping.
        return collapseSlashes(removeDotSegments(percentDecode(raw, slashes)));
    }

    private static String percentDecode(String raw, EncodedSlashes slashes) throws BadPathException {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                out.write(c);
                continue;
            }
            if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                throw new BadPathException(400, "Invalid URI in request: bad %-escape in " + raw);
            }
            int v = hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2));
            if (v == '/' && slashes == EncodedSlashes.NO_DECODE) {
                out.write('%');
                continue;
            }
            if (v == 0 || v == '/' && slashes == EncodedSlashes.OFF) {
                throw new BadPathException(404, "found %2f (encoded '/') in URI path (" + raw
                        + "), returning 404");
            }
            out.write(v);
            i += 2;
        }
        // Apache keeps the bytes; Python's native strings see them as latin-1 (PEP 3333), and so do we.
        return new String(out.toByteArray(), StandardCharsets.ISO_8859_1);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /** RFC 3986 section 5.2.4, as Apache's {@code ap_getparents} applies it; runs of slashes are left alone. */
    static String removeDotSegments(String path) throws BadPathException {
        if (path.indexOf('.') < 0) {
            return path;
        }
        String[] parts = path.split("/", -1);
        java.util.ArrayDeque<String> out = new java.util.ArrayDeque<>();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            boolean last = i == parts.length - 1;
            if (p.equals(".")) {
                if (last) {
                    out.addLast("");
                }
            } else if (p.equals("..")) {
                if (out.isEmpty()) {
                    throw new BadPathException(400, "Invalid URI path climbs above the root: " + path);
                }
                out.removeLast();
                if (last) {
                    out.addLast("");
                }
            } else {
                out.addLast(p);
            }
        }
        return "/" + String.join("/", out);
    }

    /**
     * The byte-string form of configuration text: its UTF-8 bytes, one char per byte. Request paths are matched
     * and mapped in this form, as Apache compares bytes.
     */
    public static String bytes(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** The text a byte-string file name stands for, to open it. */
    public static String text(String bytes) {
        return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /**
     * A decoded byte-string path as a request target again: {@code %}, {@code ?}, {@code #}, controls, space and
     * non-ASCII bytes percent-encoded, so that {@link #decode} gives the path back.
     */
    public static String encode(String bytes) {
        StringBuilder b = new StringBuilder(bytes.length());
        for (int i = 0; i < bytes.length(); i++) {
            char c = bytes.charAt(i);
            if (c <= ' ' || c >= 0x7F || c == '%' || c == '?' || c == '#') {
                b.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Collapses every run of {@code /} into one, as mod_wsgi does for SCRIPT_NAME and PATH_INFO. */
    public static String collapseSlashes(String s) {
        if (s.indexOf("//") < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        char prev = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '/' || prev != '/') {
                b.append(c);
            }
            prev = c;
        }
        return b.toString();
    }

    /** A path Apache refuses before any mapping. */
    public static final class BadPathException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        public BadPathException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
