package org.wsgi.interp.jython.gateway;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.python.core.PyString;

/**
 * Native strings (PEP 3333) for environ values, with a small cache: most values are the same on every request to a
 * mount (the server's name, the script's path, the protocol, the browser's usual headers), so their {@code PyString}
 * is made once instead of being allocated and scanned per request. The cache is direct-mapped by hash: a slot holds
 * the last value that landed there, so it is bounded and never needs eviction. Thread-safe: {@code PyString}s are
 * immutable and the slots are read and written with volatile semantics; a lost race only costs one allocation.
 */
final class NativeStrings {

    private static final int SLOTS = 1024;
    /** Longer values (cookies, long query strings) are rarely repeated and are not worth a slot. */
    private static final int LONGEST_CACHED = 256;

    private final AtomicReferenceArray<PyString> slots = new AtomicReferenceArray<>(SLOTS);

    /** The native string for {@code value}, from the cache when the same value was seen last in its slot. */
    PyString get(String value) {
        if (value.length() > LONGEST_CACHED) {
            return nativeString(value);
        }
        int h = value.hashCode();
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        PyString cached = slots.get(slot);
        if (cached != null && cached.getString().equals(value)) {
            return cached;
        }
        PyString made = nativeString(value);
        slots.lazySet(slot, made);
        return made;
    }

    /**
     * A native {@code str}: the exchange already gives latin-1 decoded values (PEP 3333); anything beyond latin-1 is
     * carried as its UTF-8 bytes rather than failing the request.
     */
    static PyString nativeString(String value) {
        try {
            return new PyString(value); // checks the chars itself: no second scan here
        } catch (IllegalArgumentException beyondLatin1) {
            return new PyString(new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        }
    }
}
