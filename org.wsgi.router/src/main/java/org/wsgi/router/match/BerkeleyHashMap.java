package org.wsgi.router.match;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a {@code RewriteMap dbm:} file: a Berkeley DB hash database, as Debian's Apache writes it
 * ({@code httxt2dbm}, APR's default DBM type). Only what rewrite maps hold is read: key/value pairs stored on the
 * hash pages themselves; pairs too large for a page (kept on overflow pages) are skipped. Either byte order.
 */
final class BerkeleyHashMap {

    private static final int HASH_MAGIC = 0x061561;
    private static final int HEADER = 26;
    private static final int P_HASH_UNSORTED = 2;
    private static final int P_HASH = 13;
    private static final int H_KEYDATA = 1;

    private BerkeleyHashMap() {
    }

    /** The pairs of {@code file} as byte strings (one char per byte), or an empty map when it is not one. */
    static Map<String, String> read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        Map<String, String> pairs = new HashMap<>();
        if (b.capacity() < 512) {
            return pairs;
        }
        if (b.getInt(12) != HASH_MAGIC) {
            b.order(ByteOrder.BIG_ENDIAN);
            if (b.getInt(12) != HASH_MAGIC) {
                return pairs;
            }
        }
        int pageSize = b.getInt(20);
        if (pageSize < 512 || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
            return pairs;
        }
        for (int base = pageSize; base + pageSize <= b.capacity(); base += pageSize) {
            int type = b.get(base + 25) & 0xff;
            if (type == P_HASH || type == P_HASH_UNSORTED) {
                page(b, base, pageSize, pairs);
            }
        }
        return pairs;
    }

    /** The items of one hash page, in pairs (key, value); an item ends where the next one up starts. */
    private static void page(ByteBuffer b, int base, int pageSize, Map<String, String> pairs) {
        int entries = b.getShort(base + 20) & 0xffff;
        if (HEADER + 2 * entries > pageSize) {
            return;
        }
        int[] offsets = new int[entries];
        for (int i = 0; i < entries; i++) {
            offsets[i] = b.getShort(base + HEADER + 2 * i) & 0xffff;
        }
        int[] sorted = offsets.clone();
        Arrays.sort(sorted);
        for (int i = 0; i + 1 < entries; i += 2) {
            String key = item(b, base, pageSize, offsets[i], sorted);
            String value = item(b, base, pageSize, offsets[i + 1], sorted);
            if (key != null && value != null) {
                pairs.putIfAbsent(key, value);
            }
        }
    }

    private static String item(ByteBuffer b, int base, int pageSize, int offset, int[] sorted) {
        if (offset < HEADER || offset >= pageSize || (b.get(base + offset) & 0xff) != H_KEYDATA) {
            return null;
        }
        int end = pageSize;
        int at = Arrays.binarySearch(sorted, offset);
        for (int j = at + 1; j < sorted.length; j++) {
            if (sorted[j] > offset) {
                end = sorted[j];
                break;
            }
        }
        byte[] data = new byte[end - offset - 1];
        b.get(base + offset + 1, data);
        return new String(data, StandardCharsets.ISO_8859_1);
    }
}
