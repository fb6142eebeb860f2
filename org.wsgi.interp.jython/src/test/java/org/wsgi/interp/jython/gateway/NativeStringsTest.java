package org.wsgi.interp.jython.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.python.core.PyString;

class NativeStringsTest {

    private final NativeStrings strings = new NativeStrings();

    @Test
    void aRepeatedValueIsTheSameString() {
        PyString first = strings.get(new String("/srv/www/app.wsgi"));
        PyString again = strings.get(new String("/srv/www/app.wsgi"));
        assertEquals("/srv/www/app.wsgi", first.getString());
        assertSame(first, again);
    }

    @Test
    void aValueInTheSameSlotReplacesTheOldOne() {
        // "Aa" and "BB" have the same hash: they share a slot, and each lookup still answers its own value.
        assertEquals("Aa", strings.get("Aa").getString());
        assertEquals("BB", strings.get("BB").getString());
        assertEquals("Aa", strings.get("Aa").getString());
    }

    @Test
    void longValuesAreNotKept() {
        String cookie = "c=" + "x".repeat(300);
        assertNotSame(strings.get(cookie), strings.get(cookie));
        assertEquals(cookie, strings.get(cookie).getString());
    }

    @Test
    void beyondLatin1IsCarriedAsUtf8Bytes() {
        assertEquals("\u00e2\u0082\u00ac", strings.get("\u20ac").getString());
    }
}
