package org.wsgi.router.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UriPathTest {

    @ParameterizedTest(name = "{0} decodes to {1}")
    @CsvSource(delimiter = '|', value = {
        "/emb/a%20b|/emb/a b",
        "/emb/%7Euser|/emb/~user",
        "/emb/a;b|/emb/a;b",
        "/emb/../emb/x|/emb/x",
        "/dir/%2e%2e/env.wsgi|/env.wsgi",
        "/a/./b/.|/a/b/",
        "/a/b/..|/a/",
        "/emb//a//b/|/emb/a/b/",
        "/caf%C3%A9|/caf\u00c3\u00a9",
    })
    void decodesAndNormalises(String raw, String expected) throws Exception {
        assertEquals(expected, UriPath.decode(raw));
    }

    @Test
    void encodedSlashIsNotFound() {
        assertEquals(404, assertThrows(UriPath.BadPathException.class, () -> UriPath.decode("/emb/a%2Fb")).status());
        assertEquals(404, assertThrows(UriPath.BadPathException.class, () -> UriPath.decode("/emb/a%2fb")).status());
    }

    @Test
    void climbingAboveRootOrBadEscapeIsBadRequest() {
        assertEquals(400, assertThrows(UriPath.BadPathException.class, () -> UriPath.decode("/../etc")).status());
        assertEquals(400, assertThrows(UriPath.BadPathException.class, () -> UriPath.decode("/a%zz")).status());
        assertEquals(400, assertThrows(UriPath.BadPathException.class, () -> UriPath.decode("a")).status());
    }

    @Test
    void collapsesSlashRuns() {
        assertEquals("/a/b/", UriPath.collapseSlashes("//a///b/"));
        assertEquals("/a", UriPath.collapseSlashes("/a"));
    }

    @Test
    void rawBytesUndoJettysUtf8DecodingOfTheTarget() {
        assertEquals("/plain?a=b", UriPath.rawBytes("/plain?a=b"));
        assertEquals("/\u00c3\u00a9/\u00e2\u0082\u00ac", UriPath.rawBytes("/\u00e9/\u20ac"));
        assertEquals(null, UriPath.rawBytes(null));
    }
}
