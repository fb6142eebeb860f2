package org.wsgi.config.apache.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wsgi.api.config.ConfigError;

/**
 * Replays every configuration recorded from real Apache + mod_wsgi 4.9.4 ({@code conformance/config-errors} and
 * {@code conformance/routing}) through the parser and the assembler, inside the base configuration the reference
 * wraps snippets in: Apache accepted it exactly when we do, and where it refused, our first error is in the same
 * file, on the same line, names the same directive and says what Apache said.
 */
class ApacheAcceptanceReplayTest {

    static final String PORT = "18501";

    /** What we do instead, for the few cases where Apache's verdict is one our design deliberately differs from. */
    record Divergence(String ourError, String reason) {
        boolean weAccept() {
            return ourError == null;
        }
    }

    static final Map<String, Divergence> EXCEPTIONS = Map.of(
            "config-errors/daemonprocess-bad-threads", new Divergence(
                    "WSGIDaemonProcess: Invalid thread count for WSGI daemon process.",
                    "mod_wsgi reads threads= with atoi, so 'abc' silently becomes 0 (= default); we only take "
                            + "decimal numbers, a typo must not change the thread count unnoticed"),
            "config-errors/spec-vhost-daemon-users", new Divergence(null,
                    "Apache resolves user=joe/group=joe in the operating system of the recording host; daemon "
                            + "groups here are not OS processes of other users, so names are not looked up"));

    @TempDir
    Path tmp;

    static Stream<ApacheCase> cases() {
        return ApacheCase.all();
    }

    @Test
    void theFixturesAreThere() {
        List<ApacheCase> all = cases().toList();
        assertEquals(98, all.size(), "35 config-errors + 63 routing cases");
        assertTrue(EXCEPTIONS.keySet().stream().allMatch(k -> all.stream().anyMatch(c -> c.name().equals(k))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void weAgreeWithApache(ApacheCase c) throws IOException {
        Path root = copy(c.dir(), tmp.resolve("case"));
        Path apps = copy(ApacheCase.CONFORMANCE.resolve("apps"), tmp.resolve("apps"));
        Path serverRoot = Files.createDirectories(tmp.resolve("server/htdocs")).getParent();
        Path caseConf = root.resolve("case.conf");
        String snippet = substitute(Files.readString(caseConf), root, apps);
        Files.writeString(caseConf, snippet);
        Path httpdConf = serverRoot.resolve("httpd.conf");
        Files.writeString(httpdConf, base(serverRoot, caseConf));

        List<ConfigError> errors = parseAndAssemble(serverRoot, httpdConf);

        Divergence divergence = EXCEPTIONS.get(c.name());
        if (divergence != null) {
            assertTrue(c.accepted() != divergence.weAccept(), "Apache and we agree: drop the exception");
            if (divergence.weAccept()) {
                assertEquals(List.of(), errors, divergence.reason());
            } else {
                assertFalse(errors.isEmpty(), divergence.reason());
                assertEquals(divergence.ourError(), errors.get(0).message(), divergence.reason());
            }
            return;
        }
        if (c.accepted()) {
            assertEquals(List.of(), errors, "Apache accepted " + c.name());
            return;
        }
        assertFalse(errors.isEmpty(), "Apache refused " + c.name() + " with: " + c.stderr());
        ApacheCase.SyntaxError apache = c.syntaxError();
        assertNotNull(apache, "no 'Syntax error on line N of FILE' in " + c.stderr());
        ConfigError ours = errors.get(0);
        assertEquals(substitute(apache.file(), root, apps), ours.location().file(), "file");
        assertEquals(apache.line(), ours.location().line(), "line");
        String directive = snippet.lines().skip(apache.line() - 1).findFirst().orElseThrow().strip().split("\\s+")[0];
        assertNotNull(ours.directive(), "our error names no directive: " + ours);
        assertTrue(directive.equalsIgnoreCase(ours.directive()), "directive " + directive + " vs " + ours);
        String said = apache.message();
        assertTrue(ours.message().equals(said) || ours.message().equals(ours.directive() + ": " + said),
                "Apache: '" + said + "', we: '" + ours.message() + "'");
    }

    /** What modwsgi-ref wraps each snippet in, minus what has no meaning here (modules, pid file, MPM, logs). */
    static String base(Path serverRoot, Path snippet) {
        return "ServerName localhost\n"
                + "DocumentRoot \"" + serverRoot.resolve("htdocs") + "\"\n"
                + "<Files \".ht*\">\n"
                + "    Require all denied\n"
                + "</Files>\n"
                + "Include \"" + snippet + "\"\n";
    }

    private static List<ConfigError> parseAndAssemble(Path serverRoot, Path httpdConf) throws IOException {
        ParsedFile parsed = new ConfParser(serverRoot).parse(httpdConf, Files.readAllBytes(httpdConf));
        if (!parsed.errors().isEmpty()) {
            return parsed.errors();
        }
        Assembly assembly = ConfAssembler.assemble(1, serverRoot, List.of(parsed), List.of());
        List<ConfigError> errors = new ArrayList<>();
        assembly.errorsByFile().values().forEach(errors::addAll);
        return errors;
    }

    private static String substitute(String text, Path root, Path apps) {
        return text.replace("@ROOT@", root.toString()).replace("@APPS@", apps.toString()).replace("@PORT@", PORT);
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to.toAbsolutePath().normalize();
    }
}
