package org.wsgi.router.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsgi.api.config.DirectorySettings;

/** {@code RewriteMap dbm:} files as Debian's httxt2dbm writes them (src/test/resources/rewrite/README.md). */
class BerkeleyHashMapTest {

    private static Path resource(String name) throws Exception {
        return Path.of(BerkeleyHashMapTest.class.getResource("/rewrite/" + name).toURI());
    }

    @Test
    void everyPairOfTheTextMapIsReadBack() throws Exception {
        Map<String, String> expected = new HashMap<>();
        for (String line : Files.readAllLines(resource("map.txt"))) {
            String[] kv = line.trim().split("\\s+");
            if (kv.length >= 2 && !kv[0].startsWith("#")) {
                expected.put(kv[0], kv[1]);
            }
        }
        assertEquals(expected, BerkeleyHashMap.read(resource("wsgiprocmap.dbm")));
    }

    @Test
    void theSpecExampleChoosesTheProcessGroupFromTheMap() throws Exception {
        DirectorySettings s = new DirectorySettings(null, null, null, null, null, null, null, List.of(), null, null,
                Map.of(), List.of(), null, Map.of("RewriteEngine", List.of(List.of("On")),
                        "RewriteMap", List.of(List.of("wsgiprocmap", "dbm:" + resource("wsgiprocmap.dbm"))),
                        DirectorySettings.REWRITE, List.of(List.of("RewriteRule", ".", "-",
                                "[E=PROCESS_GROUP:${wsgiprocmap:%{REQUEST_URI}}]"))));
        Rewriter r = Rewriter.of(s);
        assertEquals("pg-b", r.apply("/app-b", null, n -> n.equals("REQUEST_URI") ? "/app-b" : null).env()
                .get("PROCESS_GROUP"));
        assertEquals("", r.apply("/none", null, n -> n.equals("REQUEST_URI") ? "/none" : null).env()
                .get("PROCESS_GROUP"));
    }

    @Test
    void aFileThatIsNoDatabaseHasNoPairs(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("not.dbm"), "/a b\n".repeat(200));
        assertEquals(Map.of(), BerkeleyHashMap.read(text));
    }
}
