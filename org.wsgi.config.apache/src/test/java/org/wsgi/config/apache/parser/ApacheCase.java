package org.wsgi.config.apache.parser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One configuration recorded from real Apache httpd + mod_wsgi under {@code conformance/} (see its README): the
 * snippet and whether {@code apache2 -t} accepted it, with its stderr.
 *
 * @param name {@code config-errors/<case>} or {@code routing/<case>}
 * @param dir the recorded case folder (never written to)
 * @param accepted whether Apache accepted the configuration
 * @param stderr Apache's stderr, placeholders kept
 */
record ApacheCase(String name, Path dir, boolean accepted, String stderr) {

    /** The recorded fixtures, relative to the module directory the tests run in. */
    static final Path CONFORMANCE = Path.of("..", "conformance").toAbsolutePath().normalize();

    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(true|false)");
    private static final Pattern STDERR = Pattern.compile("\"stderr\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern SYNTAX_ERROR = Pattern.compile(
            "(?s)(?:AH\\d+: )?Syntax error on line (\\d+) of ([^\\n]+):\\n(.*)");
    /**
     * The form of a complaint made while the file is read (directives Apache runs at once, such as {@code Define}):
     * {@code apache2: Syntax error on line 41 of httpd.conf: Syntax error on line N of FILE: message}.
     */
    private static final Pattern SYNTAX_ERROR_ON_READ = Pattern.compile(
            "(?s)\\S+: Syntax error on line \\d+ of [^:]+: Syntax error on line (\\d+) of ([^:\\n]+): (.*)");

    /** Every case of {@code config-errors} and {@code routing}, in name order. */
    static Stream<ApacheCase> all() {
        return Stream.concat(load("config-errors", "expected.json"), load("routing", "configtest.json"));
    }

    private static Stream<ApacheCase> load(String group, String resultFile) {
        try (Stream<Path> dirs = Files.list(CONFORMANCE.resolve(group))) {
            List<Path> sorted = dirs.filter(d -> Files.isRegularFile(d.resolve("case.conf"))).sorted().toList();
            return sorted.stream().map(d -> read(group + "/" + d.getFileName(), d, d.resolve(resultFile)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApacheCase read(String name, Path dir, Path result) {
        String json;
        try {
            json = Files.readString(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher accepted = ACCEPTED.matcher(json);
        Matcher stderr = STDERR.matcher(json);
        if (!accepted.find() || !stderr.find()) {
            throw new IllegalStateException(result + " has no accepted/stderr");
        }
        return new ApacheCase(name, dir, Boolean.parseBoolean(accepted.group(1)), unescape(stderr.group(1)));
    }

    /** The {@code Syntax error on line N of FILE:} part of the stderr, or {@code null} when it has none. */
    SyntaxError syntaxError() {
        Matcher m = SYNTAX_ERROR.matcher(stderr.strip());
        if (!m.matches()) {
            m = SYNTAX_ERROR_ON_READ.matcher(stderr.strip());
        }
        return m.matches() ? new SyntaxError(Integer.parseInt(m.group(1)), m.group(2), m.group(3).strip()) : null;
    }

    /** Apache's complaint: where it was and the significant part of the message. */
    record SyntaxError(int line, String file, String message) {
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(n);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return name;
    }
}
