package org.wsgi.interp.jython.gateway;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;

import org.python.core.Py;
import org.python.core.PyString;

/**
 * Python byte strings ({@code str}) made from bytes, such as a request body's. A string decoded as ISO-8859-1 holds
 * one char per byte, each below 256, so the scan {@code new PyString(String)} makes to check that is wasted: on a
 * 16 KiB body it cost more than the copy into the string (BENCHMARKS.md "Session 8"). Jython's own factory for
 * strings it knows to be bytes ({@code Py.newBytes}, package-private in Jython 2.7) skips the scan; it is looked
 * up once, and the public constructor is used if this Jython has no such method. Thread-safe (immutable).
 * Public for the JSON encoder, whose joined output is known to be bytes the same way.
 */
public final class ByteStrings {

    /** {@code Py.newBytes(String)}, or {@code null} when this Jython does not have it. */
    private static final MethodHandle NEW_BYTES = findNewBytes();

    private ByteStrings() {
    }

    /** The {@code str} of {@code len} bytes of {@code data} from {@code off}. */
    static PyString of(byte[] data, int off, int len) {
        return ofLatin1(new String(data, off, len, StandardCharsets.ISO_8859_1));
    }

    /** The {@code str} of a string whose chars are all below 256 (one per byte, as ISO-8859-1 decodes them). */
    public static PyString ofLatin1(String bytes) {
        if (NEW_BYTES != null) {
            try {
                return (PyString) NEW_BYTES.invokeExact(bytes);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
        return new PyString(bytes);
    }

    /** Whether the scan-free factory is in use (for the tests: a Jython upgrade that drops it must be noticed). */
    static boolean scanFree() {
        return NEW_BYTES != null;
    }

    private static MethodHandle findNewBytes() {
        try {
            return MethodHandles.privateLookupIn(Py.class, MethodHandles.lookup()).findStatic(Py.class, "newBytes",
                    MethodType.methodType(PyString.class, String.class));
        } catch (NoSuchMethodException | IllegalAccessException | SecurityException e) {
            return null;
        }
    }
}
