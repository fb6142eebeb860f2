package org.wsgi.router.http;

/** One {@code Range: bytes=...} of a request, as Apache's byterange filter reads it. Pure. */
final class ByteRange {

    /** No range of the header overlaps the file: 416. */
    static final long[] UNSATISFIABLE = new long[0];

    private ByteRange() {
    }

    /**
     * @return {@code {first, last}} for one satisfiable range, {@link #UNSATISFIABLE}, or {@code null} to send the
     *         whole file (no header, not bytes, malformed, or several ranges)
     */
    static long[] parse(String header, long size) {
        if (header == null || !header.regionMatches(true, 0, "bytes=", 0, 6)) {
            return null;
        }
        String spec = header.substring(6).trim();
        if (spec.indexOf(',') >= 0) {
            return null;
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        String a = spec.substring(0, dash);
        String b = spec.substring(dash + 1);
        if (!digits(a) && !a.isEmpty() || !digits(b) && !b.isEmpty() || size == 0) {
            return null; // "+1-2", "1 -2", an empty file: the whole file, as Apache sends it
        }
        try {
            if (a.isEmpty()) {
                long suffix = Long.parseLong(b);
                return suffix <= 0 ? null : new long[] {Math.max(0, size - suffix), size - 1};
            }
            long first = Long.parseLong(a);
            long last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
            if (first >= size) {
                return UNSATISFIABLE;
            }
            return first > last ? null : new long[] {first, last};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean digits(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
