package org.wsgi.router.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.wsgi.api.EnvironOptions;

/** A static file's {@code ETag} as Apache's {@code ap_make_etag} makes it, and how the conditions compare it. */
class StaticFilesETagTest {

    private static final FileTime MTIME = FileTime.from(1_795_322_552_000_000L, TimeUnit.MICROSECONDS);

    private static String etag(long nowMicros) throws Exception {
        return StaticFiles.etag(Path.of("/nonexistent"), EnvironOptions.ETAG_DEFAULT, 23, MTIME, nowMicros);
    }

    @Test
    void aFileChangedWithinTheLastSecondHasAWeakTag() throws Exception {
        long m = MTIME.to(TimeUnit.MICROSECONDS);
        assertEquals("W/\"17-" + Long.toHexString(m) + "\"", etag(m + 400_000));
        assertEquals("W/\"17-" + Long.toHexString(m) + "\"", etag(m + 1_000_000));
        assertEquals("\"17-" + Long.toHexString(m) + "\"", etag(m + 1_000_001));
    }

    @Test
    void ifNoneMatchComparesWeaklyEitherWay() {
        assertTrue(StaticFiles.matches("\"17-a\"", "W/\"17-a\""));
        assertTrue(StaticFiles.matches("W/\"17-a\"", "\"17-a\""));
        assertTrue(StaticFiles.matches("\"x\", W/\"17-a\"", "W/\"17-a\""));
        assertFalse(StaticFiles.matches("\"17-b\"", "W/\"17-a\""));
    }
}
