package org.wsgi.router.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.wsgi.api.EnvironOptions;
import org.wsgi.api.config.DirectorySettings;

/** FileETag as the reference built its ETags: All "ino-size-mtime", MTime, Size, None, All -INode "size-mtime". */
class FileETagsTest {

    private static int of(String... words) {
        return FileETags.of(new DirectorySettings(null, null, null, null, null, null, null, List.of(), null, null,
                Map.of(), List.of(), null, Map.of("FileETag", List.of(List.of(words)))));
    }

    @Test
    void keywordsReplaceAndSignsChangeTheDefault() {
        assertEquals(EnvironOptions.ETAG_DEFAULT, FileETags.of(DirectorySettings.EMPTY));
        assertEquals(7, of("All"));
        assertEquals(EnvironOptions.ETAG_MTIME, of("MTime"));
        assertEquals(EnvironOptions.ETAG_SIZE, of("Size"));
        assertEquals(0, of("None"));
        assertEquals(EnvironOptions.ETAG_DEFAULT, of("All", "-INode"));
        assertEquals(7, of("+INode"));
        assertEquals(EnvironOptions.ETAG_SIZE, of("-MTime"));
    }
}
