package org.wsgi.router.status;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wsgi.api.runtime.ApplicationGroupDTO;
import org.wsgi.api.runtime.ConfigFileDTO;
import org.wsgi.api.runtime.MountDTO;
import org.wsgi.api.runtime.ProcessGroupDTO;
import org.wsgi.api.runtime.RuntimeDTO;
import org.wsgi.api.runtime.ScriptDTO;

class StatusPageTest {

    private static RuntimeDTO runtime() {
        RuntimeDTO d = new RuntimeDTO();
        d.generation = 7;
        d.serverRoot = "/srv/deploy";
        ConfigFileDTO good = new ConfigFileDTO();
        good.path = "/srv/deploy/a.conf";
        good.sha256 = "aa11";
        good.applied = true;
        good.appliedSha256 = "aa11";
        good.errors = new String[0];
        ConfigFileDTO bad = new ConfigFileDTO();
        bad.path = "/srv/deploy/b.conf";
        bad.sha256 = "bb22";
        bad.appliedSha256 = "bb00";
        bad.errors = new String[] {"/srv/deploy/b.conf:3: Invalid command 'Foo', perhaps misspelled <x>"};
        d.files = new ConfigFileDTO[] {good, bad};
        MountDTO m = new MountDTO();
        m.directive = "WSGIScriptAlias";
        m.server = "";
        m.urlPath = "/app";
        m.target = "/srv/app.wsgi";
        m.source = "a.conf:1";
        d.mounts = new MountDTO[] {m};
        ApplicationGroupDTO g = new ApplicationGroupDTO();
        g.name = "host|/app";
        ScriptDTO s = new ScriptDTO();
        s.requests = 5;
        g.scripts = new ScriptDTO[] {s};
        d.applicationGroups = new ApplicationGroupDTO[] {g};
        ProcessGroupDTO p = new ProcessGroupDTO();
        p.name = "daemon";
        p.state = "STOPPED";
        d.processGroups = new ProcessGroupDTO[] {p};
        return d;
    }

    @Test
    void autoFormListsGenerationFilesErrorsMountsAndGroups() {
        String auto = StatusPage.auto(runtime(), "test", 12);
        assertTrue(auto.contains("ConfigGeneration: 7\n"), auto);
        assertTrue(auto.contains("ConfigFile: /srv/deploy/a.conf applied sha256=aa11\n"), auto);
        assertTrue(auto.contains("ConfigFile: /srv/deploy/b.conf rejected sha256=bb22 serving=bb00\n"), auto);
        assertTrue(auto.contains("ConfigError: /srv/deploy/b.conf:3: Invalid command 'Foo'"), auto);
        assertTrue(auto.contains("Mount: WSGIScriptAlias * /app /srv/app.wsgi (a.conf:1)\n"), auto);
        assertTrue(auto.contains("ApplicationGroup: 'host|/app' scripts=1 requests=5\n"), auto);
        assertTrue(auto.contains("ProcessGroup: daemon STOPPED"), auto);
    }

    @Test
    void htmlEscapesWhatItShows() {
        String html = StatusPage.html(runtime(), "test", 12);
        assertTrue(html.contains("perhaps misspelled &lt;x&gt;"), html);
        assertFalse(html.contains("<x>"), html);
        assertTrue(html.contains("Configuration generation: 7"), html);
    }
}
