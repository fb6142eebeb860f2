package org.wsgi.interp.jython.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.python.core.PyString;

class ByteStringsTest {

    @Test
    void theScanFreeFactoryOfThisJythonIsUsed() {
        assertTrue(ByteStrings.scanFree(), "Py.newBytes(String) not found: request bodies are scanned again");
    }

    @Test
    void everyByteValueBecomesOneCharOfAStr() {
        byte[] all = new byte[256 + 2];
        for (int i = 0; i < 256; i++) {
            all[i + 1] = (byte) i;
        }
        PyString s = ByteStrings.of(all, 1, 256);
        assertSame(PyString.class, s.getClass());
        assertSame(PyString.TYPE, s.getType());
        assertEquals(256, s.__len__());
        for (int i = 0; i < 256; i++) {
            assertEquals(i, s.getString().charAt(i));
        }
        assertEquals(new PyString(s.getString()), s);
    }

    @Test
    void shortStringsAreStrsToo() {
        assertEquals("", ByteStrings.of(new byte[0], 0, 0).getString());
        assertEquals("\u00ff", ByteStrings.of(new byte[] {(byte) 0xff}, 0, 1).getString());
        assertSame(PyString.TYPE, ByteStrings.ofLatin1("x").getType());
    }
}
