package org.wsgi.config.apache.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsgi.api.config.ConfigFile;
import org.wsgi.api.config.ScriptMount;
import org.wsgi.api.config.WsgiConfiguration;

class ConfFolderTest {

    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();

    private ConfFolder folder() {
        return new ConfFolder(dir, log::add);
    }

    /** Writes a file and moves its modification time forward, so even a same-size rewrite is a change. */
    private void write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        FileTime before = Files.exists(p) ? Files.getLastModifiedTime(p) : FileTime.fromMillis(0);
        Files.writeString(p, content);
        Files.setLastModifiedTime(p, FileTime.fromMillis(Math.max(before.toMillis() + 1000,
                System.currentTimeMillis())));
    }

    private static List<String> urls(WsgiConfiguration c) {
        return c.main().mounts().stream().map(ScriptMount::urlPath).toList();
    }

    private static ConfigFile state(WsgiConfiguration c, String name) {
        return c.files().stream().filter(f -> f.path().endsWith(name)).findFirst().orElseThrow();
    }

    @Test
    void emptyFolderGivesAnEmptyFirstSnapshotThenNothingUntilAChange() throws IOException {
        ConfFolder f = folder();
        WsgiConfiguration first = f.scan().orElseThrow();
        assertEquals(1, first.generation());
        assertEquals(List.of(), urls(first));
        assertTrue(f.scan().isEmpty());
    }

    @Test
    void noticesAndRejectionsAreReportedApart() throws IOException {
        List<String> notices = new ArrayList<>();
        ConfFolder f = new ConfFolder(dir, log::add, notices::add);
        write("a.conf", "KeepAlive On\nWSGIScriptAlias /a /srv/a.wsgi\n");
        write("b.conf", "Bogus\n");
        assertEquals(List.of("/a"), urls(f.scan().orElseThrow()));
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).startsWith("a.conf:1: KeepAlive is accepted but ignored"), notices.get(0));
        assertEquals(1, log.size(), log.toString());
        assertTrue(log.get(0).contains("b.conf:1: Invalid command 'Bogus'"), log.get(0));
    }

    @Test
    void filesMergeInNameOrder() throws IOException {
        write("b.conf", "WSGIScriptAlias /b /srv/b.wsgi\n");
        write("a.conf", "WSGIScriptAlias /a /srv/a.wsgi\n");
        write("ignored.txt", "not configuration\n");
        assertEquals(List.of("/a", "/b"), urls(folder().scan().orElseThrow()));
    }

    @Test
    void addChangeRemove() throws IOException {
        ConfFolder f = folder();
        f.scan();
        write("app.conf", "WSGIScriptAlias /one /srv/app.wsgi\n");
        WsgiConfiguration added = f.scan().orElseThrow();
        assertEquals(List.of("/one"), urls(added));
        write("app.conf", "WSGIScriptAlias /two /srv/app.wsgi\n");
        WsgiConfiguration changed = f.scan().orElseThrow();
        assertEquals(List.of("/two"), urls(changed));
        assertTrue(changed.generation() > added.generation());
        Files.delete(dir.resolve("app.conf"));
        WsgiConfiguration removed = f.scan().orElseThrow();
        assertEquals(List.of(), urls(removed));
        assertEquals(List.of(), removed.files());
    }

    @Test
    void brokenFileIsRejectedAndItsLastGoodVersionKeepsServing() throws IOException {
        ConfFolder f = folder();
        write("app.conf", "WSGIScriptAlias /good /srv/app.wsgi\n");
        WsgiConfiguration good = f.scan().orElseThrow();
        write("app.conf", "# comment\nWSGIScriptAlias /bad /srv/app.wsgi\nNoSuchDirective x\n");
        WsgiConfiguration after = f.scan().orElseThrow();
        assertEquals(List.of("/good"), urls(after));
        ConfigFile s = state(after, "app.conf");
        assertFalse(s.applied());
        assertEquals(state(good, "app.conf").sha256(), s.appliedSha256());
        assertTrue(s.errors().get(0).toString().contains("app.conf:3:"), s.errors().toString());
        assertTrue(log.stream().anyMatch(l -> l.contains("app.conf:3:") && l.contains("keeps serving")), log.toString());
    }

    @Test
    void brokenNewFileIsRejectedWithoutTouchingTheOthers() throws IOException {
        ConfFolder f = folder();
        write("a.conf", "WSGIScriptAlias /a /srv/a.wsgi\n");
        f.scan();
        write("b.conf", "<VirtualHost *:80>\n");
        WsgiConfiguration c = f.scan().orElseThrow();
        assertEquals(List.of("/a"), urls(c));
        assertFalse(state(c, "b.conf").applied());
        assertEquals(null, state(c, "b.conf").appliedSha256());
    }

    @Test
    void crossFileConflictRejectsTheNewcomer() throws IOException {
        ConfFolder f = folder();
        write("a.conf", "WSGIDaemonProcess shared threads=2\n");
        f.scan();
        write("b.conf", "WSGIDaemonProcess shared threads=4\nWSGIScriptAlias /b /srv/b.wsgi\n");
        WsgiConfiguration c = f.scan().orElseThrow();
        assertFalse(state(c, "b.conf").applied());
        assertEquals(1, c.daemons().size());
        assertEquals(2, c.daemons().get(0).threads());
        assertEquals(List.of(), urls(c));
    }

    @Test
    void changeOfAnIncludedFileReparsesItsIncluder() throws IOException {
        Files.createDirectories(dir.resolve("parts"));
        write("parts/mounts.inc", "WSGIScriptAlias /x /srv/x.wsgi\n");
        write("main.conf", "Include " + dir.resolve("parts/mounts.inc") + "\n");
        ConfFolder f = folder();
        assertEquals(List.of("/x"), urls(f.scan().orElseThrow()));
        write("parts/mounts.inc", "WSGIScriptAlias /y /srv/y.wsgi\n");
        assertEquals(List.of("/y"), urls(f.scan().orElseThrow()));
    }

    @Test
    void aFileSeesTheDefinesOfTheFilesBeforeItAndIsReadAgainWhenTheyChange() throws IOException {
        ConfFolder f = folder();
        write("00-defs.conf", "Define APP_MOUNT /one\n");
        write("10-app.conf", "WSGIScriptAlias ${APP_MOUNT} /srv/app.wsgi\n");
        assertEquals(List.of("/one"), urls(f.scan().orElseThrow()));
        write("00-defs.conf", "Define APP_MOUNT /two\n");
        assertEquals(List.of("/two"), urls(f.scan().orElseThrow()));
        assertEquals("/two", f.defines().values().get("app_mount"), "what access files see");
        assertTrue(f.scan().isEmpty());
        write("00-defs.conf", "Define APP_MOUNT /three\nBogus\n");
        assertEquals(List.of("/two"), urls(f.scan().orElseThrow()), "a rejected file's last good defines stay");
        Files.delete(dir.resolve("00-defs.conf"));
        assertEquals(List.of("${APP_MOUNT}"), urls(f.scan().orElseThrow()));
    }

    @Test
    void theFilesAfterOneRejectedWholeAreReadWithTheDefinesOfItsServingVersion() throws IOException {
        ConfFolder f = folder();
        write("0.conf", "WSGIDaemonProcess d\n");
        write("a.conf", "WSGIScriptAlias /a /srv/a.wsgi\n");
        write("b.conf", "<IfDefine X>\nWSGIScriptAlias /x /srv/x.wsgi\n</IfDefine>\n"
                + "<IfDefine !X>\nWSGIScriptAlias /notx /srv/x.wsgi\n</IfDefine>\n");
        assertEquals(List.of("/a", "/notx"), urls(f.scan().orElseThrow()));
        // a.conf now defines X but names a daemon group 0.conf has: rejected when the whole is assembled
        write("a.conf", "Define X\nWSGIDaemonProcess d\nWSGIScriptAlias /a /srv/a.wsgi\n");
        WsgiConfiguration after = f.scan().orElseThrow();
        assertFalse(state(after, "a.conf").applied());
        assertEquals(List.of("/a", "/notx"), urls(after));
        assertTrue(f.scan().isEmpty());
    }
}
