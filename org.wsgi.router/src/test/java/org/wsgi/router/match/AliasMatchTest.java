package org.wsgi.router.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AliasMatchTest {

    @ParameterizedTest(name = "{0} against {1} matches {2} chars")
    @CsvSource(delimiter = '|', value = {
        "/emb|/emb|4",
        "/emb/|/emb|4",
        "/emb/a/b|/emb|4",
        "/emb//a|/emb|4",
        "/embx|/emb|0",
        "/EMB|/emb|0",
        "/em|/emb|0",
        "/multi/level/q|/multi/level|12",
        "/multi//level/q|/multi/level|13",
        "/x/y|/|1",
        "//x|/|2",
        "/|/|1",
        "/app/|/app/|5",
        "/app/z|/app/|5",
        "/app|/app/|0",
        "/dir/a.wsgi/x|/dir/|5",
    })
    void matchesLikeModAlias(String uri, String alias, int expected) {
        assertEquals(expected, AliasMatch.length(uri, alias));
    }
}
