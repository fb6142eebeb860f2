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
        try {
            String a = spec.substring(0, dash).trim();
            String b = spec.substring(dash + 1).trim();
            if (a.isEmpty()) {
                long suffix = Long.parseLong(b);
                return suffix <= 0 || size == 0 ? UNSATISFIABLE : new long[] {Math.max(0, size - suffix), size - 1};
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
}
