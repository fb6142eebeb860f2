package org.wsgi.config.apache.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsgi.api.config.WsgiConfiguration;

/** A configuration with a thousand mounts parses (no timing asserted here). */
class LargeConfigTest {

    @TempDir
    Path root;

    @Test
    void aThousandMounts() {
        StringBuilder conf = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            conf.append("WSGIDaemonProcess g").append(i).append(" threads=2\n");
            conf.append("WSGIScriptAlias /app").append(i).append(" /srv/app").append(i)
                    .append(".wsgi process-group=g").append(i).append(" application-group=%{GLOBAL}\n");
            conf.append("<Location /app").append(i).append(">\nSetEnv N ").append(i).append("\n</Location>\n");
        }
        WsgiConfiguration c = new Confs(root).configuration(conf.toString());
        assertEquals(1000, c.main().mounts().size());
        assertEquals(1000, c.daemons().size());
        assertEquals(1000, c.main().sections().size());
        assertEquals("/app999", c.main().mounts().get(999).urlPath());
        assertEquals("999", c.main().sections().get(999).settings().env().get(0).value());
    }
}
