package org.wsgi.config.apache.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wsgi.api.config.ConfigError;
import org.wsgi.api.config.ConfigFile;
import org.wsgi.api.config.DirectorySettings;
import org.wsgi.api.config.ServerConfig;
import org.wsgi.api.config.SourceLocation;
import org.wsgi.api.config.WsgiConfiguration;

class ConfigStatusTest {

    private static final Path DEPLOY = Path.of("/srv/deploy");
    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "0123456789abcdef".repeat(4);
    private static final String SHA_OLD = "f".repeat(64);

    private static WsgiConfiguration snapshot(long generation, List<ConfigFile> files) {
        ServerConfig main = new ServerConfig(null, 0, List.of(), List.of(), null, List.of(), List.of(),
                DirectorySettings.EMPTY, List.of(), new SourceLocation(DEPLOY.toString(), 0));
        return new WsgiConfiguration(generation, DEPLOY.toString(), files, main, List.of(), List.of(), List.of());
    }

    private static ConfigError error(String file, int line, String message) {
        return new ConfigError(new SourceLocation(file, line), null, message);
    }

    @Test
    void listsEachFileWithItsVerdictAndEveryErrorOfARejectedOne() {
        WsgiConfiguration c = snapshot(7, List.of(
                new ConfigFile("/srv/deploy/app.conf", SHA_A, true, List.of(), SHA_A),
                new ConfigFile("/srv/deploy/broken.conf", SHA_B, false, List.of(
                        error("broken.conf", 2, "WSGIScriptAlias requires at least two arguments, Map location to "
                                + "target WSGI script file."),
                        error("inc/more.conf", 5, "Invalid command 'Foo', perhaps misspelled or defined by a module "
                                + "not included in the server configuration")), SHA_OLD),
                new ConfigFile("/srv/deploy/new.conf", SHA_B, false, List.of(error("new.conf", 1,
                        "WSGIProcessGroup takes one argument, Name of the WSGI process group.")), null)));
        assertEquals("""
                watched folder  /srv/deploy
                generation      7
                app.conf     applied   aaaaaaaaaaaa
                broken.conf  rejected  0123456789ab  (previous version ffffffffffff keeps serving)
                    broken.conf:2: WSGIScriptAlias requires at least two arguments, Map location to target WSGI \
                script file.
                    inc/more.conf:5: Invalid command 'Foo', perhaps misspelled or defined by a module not included \
                in the server configuration
                new.conf     rejected  0123456789ab  (nothing from it serves)
                    new.conf:1: WSGIProcessGroup takes one argument, Name of the WSGI process group.""",
                ConfigStatus.format(DEPLOY, c, false));
    }

    @Test
    void fullDigestsOnRequest() {
        WsgiConfiguration c = snapshot(1, List.of(new ConfigFile("/srv/deploy/app.conf", SHA_A, true, List.of(),
                SHA_A)));
        assertEquals("watched folder  /srv/deploy\ngeneration      1\napp.conf  applied   " + SHA_A,
                ConfigStatus.format(DEPLOY, c, true));
    }

    @Test
    void anUnreadableFileHasNoDigestAndAFileOutsideTheFolderIsNamedInFull() {
        WsgiConfiguration c = snapshot(2, List.of(new ConfigFile("/elsewhere/x.conf", "", false,
                List.of(error("/elsewhere/x.conf", 0, "Could not read configuration file: denied")), null)));
        assertEquals("""
                watched folder  /srv/deploy
                generation      2
                /elsewhere/x.conf  rejected  -  (nothing from it serves)
                    /elsewhere/x.conf:0: Could not read configuration file: denied""",
                ConfigStatus.format(DEPLOY, c, false));
    }

    @Test
    void anEmptyFolderAndNoSnapshotYet() {
        assertEquals("watched folder  /srv/deploy\ngeneration      3\nno *.conf files",
                ConfigStatus.format(DEPLOY, snapshot(3, List.of()), false));
        assertEquals("watched folder  /srv/deploy\ngeneration      none yet (the first scan has not finished)",
                ConfigStatus.format(DEPLOY, null, false));
    }
}
