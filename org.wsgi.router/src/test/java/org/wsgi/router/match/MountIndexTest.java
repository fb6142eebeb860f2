package org.wsgi.router.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.wsgi.router.match.Configs.alias;
import static org.wsgi.router.match.Configs.match;

import java.util.List;

import org.junit.jupiter.api.Test;

class MountIndexTest {

    private static final MountIndex INDEX = new MountIndex(List.of(
            CompiledMount.script(alias("/wiki/special", "/srv/special.wsgi")),
            CompiledMount.script(match("^/wiki/(x)", "/srv/rx-$1.wsgi")),
            CompiledMount.script(alias("/wiki", "/srv/wiki.wsgi")),
            CompiledMount.script(alias("/", "/srv/root.wsgi")),
            CompiledMount.script(alias("/blog", "/srv/blog.wsgi"))));

    @Test
    void firstMatchWinsAcrossSegmentBucketsAndAlwaysTestedMounts() {
        assertEquals("/srv/special.wsgi/x", INDEX.find("/wiki/special/x").filename());
        assertEquals("/srv/rx-x.wsgi", INDEX.find("/wiki/x").filename());
        assertEquals("/srv/wiki.wsgi/page", INDEX.find("/wiki/page").filename());
        assertEquals("/srv/root.wsgi/other", INDEX.find("/other").filename());
        // Written after the root mount, so the root mount wins, as in mod_wsgi.
        assertEquals("/srv/root.wsgi/blog", INDEX.find("/blog").filename());
    }

    @Test
    void segmentsAreExactAndNoMountMeansNoHit() {
        MountIndex only = new MountIndex(List.of(CompiledMount.script(alias("/emb", "/srv/env.wsgi"))));
        assertNull(only.find("/embx"));
        assertNull(only.find("/"));
        assertEquals("/srv/env.wsgi/a", only.find("/emb/a").filename());
        assertEquals("emb", MountIndex.firstSegment("//emb//a"));
    }
}
