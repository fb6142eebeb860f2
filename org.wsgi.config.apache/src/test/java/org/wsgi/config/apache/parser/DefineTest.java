package org.wsgi.config.apache.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wsgi.api.config.ScriptMount;
import org.wsgi.api.config.Section;
import org.wsgi.api.config.WsgiConfiguration;

/** {@code Define}, {@code UnDefine}, {@code <IfDefine>} and {@code ${NAME}} as Apache 2.4's core reads them. */
class DefineTest {

    @TempDir
    Path root;

    private ConfParser parser() {
        return new ConfParser(root, Map.of("APP_HOME", "/srv/env-app")::get);
    }

    private ParsedFile parse(String text) {
        return parser().parse(root.resolve("x.conf"), Confs.bytes(text));
    }

    private List<ScriptMount> mounts(String text) {
        ParsedFile parsed = parse(text);
        assertEquals(List.of(), Confs.messages(parsed.errors()));
        WsgiConfiguration c = new Confs(root).assemble(List.of(parsed));
        return c.main().mounts();
    }

    @Test
    void aDefinedValueReplacesItsNameInTheLinesAfterIt() {
        List<ScriptMount> m = mounts("Define APP /srv/app\nDefine MNT /h\nWSGIScriptAlias ${MNT} ${APP}/hello.wsgi\n");
        assertEquals("/h", m.get(0).urlPath());
        assertEquals("/srv/app/hello.wsgi", m.get(0).target());
    }

    @Test
    void namesAreLookedUpInAnyLetterCaseThenInTheEnvironment() {
        List<ScriptMount> m = mounts("Define Mnt /a\nWSGIScriptAlias ${mNT} ${APP_HOME}/x.wsgi\n");
        assertEquals("/a", m.get(0).urlPath());
        assertEquals("/srv/env-app/x.wsgi", m.get(0).target());
    }

    @Test
    void anUndefinedNameStaysAsWrittenWithANoticeUnlessItHoldsAColon() {
        ParsedFile parsed = parse("WSGIScriptAlias /h${NOPE} /srv/a.wsgi\n"
                + "RewriteEngine On\nRewriteRule . - [E=PROCESS_GROUP:${map:%{REQUEST_URI}}]\n"
                + "WSGIScriptAlias /u${M}${M /srv/b.wsgi\n");
        assertEquals(List.of(), Confs.messages(parsed.errors()));
        assertEquals(List.of("x.conf:1: Config variable ${NOPE} is not defined",
                "x.conf:4: Config variable ${M} is not defined"), parsed.notices());
        List<String> urls = new Confs(root).assemble(List.of(parsed)).main().mounts().stream()
                .map(ScriptMount::urlPath).toList();
        assertEquals(List.of("/h${NOPE}", "/u${M}${M"), urls);
    }

    @Test
    void aNameDefinedWithoutValueIsDefinedButHasNoValue() {
        ParsedFile parsed = parse("Define M\n<IfDefine M>\nWSGIScriptAlias /m${M} /srv/a.wsgi\n</IfDefine>\n"
                + "<IfDefine !M>\nWSGIScriptAlias /n /srv/a.wsgi\n</IfDefine>\n");
        assertEquals(List.of("x.conf:3: Config variable ${M} is not defined"), parsed.notices());
        assertEquals(List.of("/m${M}"), new Confs(root).assemble(List.of(parsed)).main().mounts().stream()
                .map(ScriptMount::urlPath).toList());
        assertEquals(List.of("M"), parsed.definesOut().names());
        assertEquals(Map.of(), parsed.definesOut().values());
    }

    @Test
    void unDefineRemovesNameAndValue() {
        ParsedFile parsed = parse("Define M /a\nUnDefine M\n<IfDefine M>\nBogus\n</IfDefine>\n"
                + "WSGIScriptAlias /h${M} /srv/a.wsgi\n");
        assertEquals(List.of(), Confs.messages(parsed.errors()));
        assertEquals(Defines.NONE, parsed.definesOut());
    }

    @Test
    void aDefineInsideAConditionalTakesEffectAtOnce() {
        ParsedFile parsed = parse("<IfDefine !FOO>\nDefine FOO x\n</IfDefine>\n<IfDefine FOO>\nFooBar\n</IfDefine>\n");
        assertEquals(List.of("x.conf:5: Invalid command 'FooBar', perhaps misspelled or defined by a module not "
                + "included in the server configuration"), Confs.messages(parsed.errors()));
    }

    @Test
    void defineIsTakenInSectionsButNotInAnAccessFile() {
        List<ScriptMount> m = mounts("<Location /x>\n<Limit GET>\nDefine M /a\n</Limit>\n</Location>\n"
                + "<Directory /tmp>\nDefine N /b\n</Directory>\nWSGIScriptAlias ${M}${N} /srv/a.wsgi\n");
        assertEquals("/a/b", m.get(0).urlPath());
        var access = parser().parseAccessFile(root.resolve(".htaccess"), Confs.bytes("Define M /a\n"),
                java.util.Set.of("all"));
        assertEquals(List.of(".htaccess:1: Define not allowed here"), Confs.messages(access.errors()));
    }

    @Test
    void badNamesAndArgumentCountsAreRefusedAsApacheRefusesThem() {
        assertEquals(List.of("x.conf:1: Define: Variable name must not contain ':'",
                "x.conf:2: UnDefine: Variable name must not contain ':'",
                "x.conf:3: Define takes 1-2 arguments, Define a variable, optionally to a value.  Same as passing -D "
                        + "to the command line."),
                Confs.messages(parse("Define a:b x\nUnDefine a:b\nDefine a b c\n").errors()));
    }

    @Test
    void aLineIsResolvedWholeBeforeItsWordsAreSplit() {
        ParsedFile quoted = parse("Define E \"two words\"\nWSGIScriptAlias \"/q ${E}\" /srv/a.wsgi\n");
        assertEquals(List.of(), Confs.messages(quoted.errors()));
        assertEquals("/q two words", quoted.fragment().main().mounts().get(0).urlPath());
        ParsedFile split = parse("Define E \"a b\"\nWSGIScriptAlias /q${E} /srv/a.wsgi\n");
        assertEquals(1, split.errors().size(), Confs.messages(split.errors()).toString());
        assertTrue(split.errors().get(0).toString().startsWith("x.conf:2: "), split.errors().toString());
    }

    @Test
    void sectionOpeningLinesAreResolvedAndSkippedLinesAreNot() {
        ParsedFile parsed = parse("Define M /a\n<Location ${M}>\nRequire all denied\n</Location>\n"
                + "<IfDefine NOT_DEFINED>\nWSGIScriptAlias ${NOPE} /srv/a.wsgi\n</IfDefine>\n");
        assertEquals(List.of(), parsed.notices());
        Section location = parsed.fragment().main().sections().get(0);
        assertEquals("/a", location.pattern());
    }

    @Test
    void aValueIsNotResolvedAgain() {
        ParsedFile parsed = parse("Define M ${N}\nDefine N /n\nWSGIScriptAlias /x${M} /srv/a.wsgi\n");
        assertEquals(List.of("x.conf:1: Config variable ${N} is not defined"), parsed.notices());
        assertEquals("/x${N}", parsed.fragment().main().mounts().get(0).urlPath());
    }

    @Test
    void aFileStartsFromTheDefinesItIsGivenAndAnIncludeSeesTheIncludersDefines() {
        new Confs(root).write("inc/app.conf", "WSGIScriptAlias ${MNT} /srv/${NAME}.wsgi\nDefine LATER 1\n");
        Defines before = new Defines(List.of("MNT"), Map.of("mnt", "/from-before"));
        ParsedFile parsed = parser().parse(root.resolve("x.conf"),
                Confs.bytes("Define NAME app\nInclude inc/app.conf\n"), before);
        assertEquals(List.of(), Confs.messages(parsed.errors()));
        assertEquals("/from-before", parsed.fragment().main().mounts().get(0).urlPath());
        assertEquals("/srv/app.wsgi", parsed.fragment().main().mounts().get(0).target());
        assertEquals(before, parsed.definesIn());
        assertEquals(List.of("MNT", "NAME", "LATER"), parsed.definesOut().names());
        assertEquals("1", parsed.definesOut().values().get("later"));
    }

    @Test
    void anEmptyOptionalWordIsAbsentAndALineLeftBlankIsNoDirective() {
        ParsedFile parsed = new ConfParser(root, Map.of("E", "")::get).parse(root.resolve("x.conf"),
                Confs.bytes("Define E \"\"\n${E}\n${E} ${E}\n${E} <Location /env>\nRequire all denied\n"
                        + "${E} </Location>\n<IfDefine E>\nWSGIScriptAlias /e /srv/a.wsgi\n</IfDefine>\n"));
        assertEquals(List.of(), Confs.messages(parsed.errors()));
        assertEquals(List.of("E"), parsed.definesOut().names());
        assertEquals(Map.of(), parsed.definesOut().values());
        assertEquals("/env", parsed.fragment().main().sections().get(0).pattern());
        assertEquals("/e", parsed.fragment().main().mounts().get(0).urlPath());
    }

    @Test
    void aNegationWithoutANameIsRefused() {
        assertEquals(List.of("x.conf:1: <IfDefine> directive requires additional arguments",
                "x.conf:3: <IfModule> directive requires additional arguments"),
                Confs.messages(parse("<IfDefine !>\n</IfDefine>\n<IfModule !>\n</IfModule>\n").errors()));
    }

    @Test
    void theSectionsInsideAFalseConditionalMustStillNestAsApacheSoaksThem() {
        assertEquals(List.of("x.conf:1: Expected </Foo> but saw </Bar>"),
                Confs.messages(parse("<IfDefine NOPE>\n<Foo>\n</Bar>\n</IfDefine>\n").errors()));
        assertEquals(List.of("x.conf:1: Expected </IfDefine> but saw </IfDefin>"),
                Confs.messages(parse("<IfDefine NOPE>\nBogus\n</IfDefine >\n").errors()));
        ParsedFile fine = parse("<IfDefine NOPE>\n<Location /x>\nBogus here\n</Location>\n<Foo>\n</foo>\n"
                + "</IfDefine>\nWSGIScriptAlias /a /srv/a.wsgi\n");
        assertEquals(List.of(), Confs.messages(fine.errors()));
        assertEquals("/a", fine.fragment().main().mounts().get(0).urlPath());
    }

    @Test
    void anAccessFileSeesTheConfigurationsDefines() {
        Defines live = new Defines(List.of("PROD", "ROOT"), Map.of("root", "/srv/prod"));
        var access = parser().parseAccessFile(root.resolve(".htaccess"),
                Confs.bytes("<IfDefine PROD>\nSetEnv WHERE ${ROOT}\n</IfDefine>\n<IfDefine !PROD>\nSetEnv WHERE dev\n"
                        + "</IfDefine>\n"), java.util.Set.of("all"), live);
        assertEquals(List.of(), Confs.messages(access.errors()));
        assertEquals("/srv/prod", access.settings().env().get(0).value());
        var without = parser().parseAccessFile(root.resolve(".htaccess"),
                Confs.bytes("<IfDefine PROD>\nSetEnv WHERE ${ROOT}\n</IfDefine>\n<IfDefine !PROD>\nSetEnv WHERE dev\n"
                        + "</IfDefine>\n"), java.util.Set.of("all"));
        assertEquals("dev", without.settings().env().get(0).value());
    }
}
