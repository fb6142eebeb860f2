package org.wsgi.router.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ScriptResolverTest {

    private final ScriptResolver resolver = new ScriptResolver(new FakeFiles(
            Set.of("/srv/env.wsgi", "/srv/dir/a.wsgi", "/srv/dir/sub/b.wsgi"),
            Set.of("/srv", "/srv/dir", "/srv/dir/sub")));

    @Test
    void fileItself() {
        assertEquals(new ScriptResolver.Resolution("/srv/env.wsgi", "", 200, null), resolver.resolve("/srv/env.wsgi"));
    }

    @Test
    void pathInfoAfterTheFile() {
        assertEquals("/x/y", resolver.resolve("/srv/dir/a.wsgi/x/y").pathInfo());
        assertEquals("/srv/dir/sub/b.wsgi", resolver.resolve("/srv/dir/sub/b.wsgi/z").script());
        assertEquals("/", resolver.resolve("/srv/env.wsgi/").pathInfo());
    }

    @Test
    void directoryIsForbidden() {
        assertEquals(403, resolver.resolve("/srv/dir/").status());
        assertEquals(403, resolver.resolve("/srv/dir/sub").status());
    }

    @Test
    void missingIsNotFound() {
        assertEquals(404, resolver.resolve("/srv/dir/nonexist").status());
        assertEquals(404, resolver.resolve("/srv/dir/a").status());
        assertEquals(404, resolver.resolve("/srv/env.wsgiz").status());
        assertEquals(404, resolver.resolve("/srv/dir/nonexist/deeper").status());
    }
}
