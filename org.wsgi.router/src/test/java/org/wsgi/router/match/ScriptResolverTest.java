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
        assertEquals(new ScriptResolver.Walk("/srv/env.wsgi", FileProbe.Kind.FILE, ""), resolver.walk("/srv/env.wsgi"));
    }

    @Test
    void pathInfoAfterTheFile() {
        assertEquals("/x/y", resolver.walk("/srv/dir/a.wsgi/x/y").pathInfo());
        assertEquals("/srv/dir/sub/b.wsgi", resolver.walk("/srv/dir/sub/b.wsgi/z").path());
        assertEquals("/", resolver.walk("/srv/env.wsgi/").pathInfo());
    }

    @Test
    void directoryItself() {
        assertEquals(FileProbe.Kind.DIRECTORY, resolver.walk("/srv/dir/").kind());
        assertEquals(FileProbe.Kind.DIRECTORY, resolver.walk("/srv/dir/sub").kind());
    }

    @Test
    void missingBelowADirectoryIsMissing() {
        assertEquals(FileProbe.Kind.MISSING, resolver.walk("/srv/dir/nonexist").kind());
        assertEquals(FileProbe.Kind.MISSING, resolver.walk("/srv/dir/a").kind());
        assertEquals(FileProbe.Kind.MISSING, resolver.walk("/srv/env.wsgiz").kind());
        assertEquals(FileProbe.Kind.MISSING, resolver.walk("/srv/dir/nonexist/deeper").kind());
    }

    @Test
    void theMountTargetIsTriedFirstAndOnlyWhenAWholeSegmentFollows() {
        int target = "/srv/env.wsgi".length();
        assertEquals(new ScriptResolver.Walk("/srv/env.wsgi", FileProbe.Kind.FILE, "/a/b"),
                resolver.walk("/srv/env.wsgi/a/b", target));
        assertEquals(FileProbe.Kind.MISSING, resolver.walk("/srv/env.wsgiz", target).kind());
        assertEquals(FileProbe.Kind.MISSING, resolver.walk("/srv/missing.wsgi/x", "/srv/missing.wsgi".length())
                .kind());
        assertEquals(FileProbe.Kind.DIRECTORY, resolver.walk("/srv/dir/", "/srv/dir/".length()).kind());
    }
}
