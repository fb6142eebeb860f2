package org.wsgi.config.apache.parser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.wsgi.api.config.ConfigError;
import org.wsgi.api.config.SourceLocation;

/**
 * Reads one top-level file and everything it includes into a {@link FragmentBuilder}: the section stack,
 * conditionals, includes and dispatch through the {@link DirectiveTable}. One instance per parse.
 */
final class ConfReader {

    static final String INVALID_COMMAND = "', perhaps misspelled or defined by a module not included in the server "
            + "configuration";
    private static final int MAX_ERRORS = 100;
    private static final int MAX_INCLUDE_DEPTH = 32;

    private final Path serverRoot;
    private final FragmentBuilder fragment;
    private final List<ConfigError> errors = new ArrayList<>();
    private final Set<Path> includedFiles = new LinkedHashSet<>();
    private final Deque<Path> including = new ArrayDeque<>();
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final SectionOpener opener;
    /** For an access file: the override classes its directory allows (0 for a configuration file). */
    private final int accessLevel;

    ConfReader(Path serverRoot, Path file, Defines defines, UnaryOperator<String> environment) {
        this(serverRoot, file, 0, null, defines, environment);
    }

    /**
     * A reader for an access file ({@code .htaccess}): its directives go into {@code access}, and only those of the
     * override classes in {@code accessLevel} are accepted.
     */
    ConfReader(Path serverRoot, Path file, int accessLevel, SectionBuilder access, Defines defines,
            UnaryOperator<String> environment) {
        this.serverRoot = serverRoot;
        this.fragment = new FragmentBuilder(serverRoot, new SourceLocation(display(file), 1),
                new ConfVariables(defines, environment));
        this.opener = new SectionOpener(fragment, frames, access != null);
        this.accessLevel = accessLevel;
        including.push(normal(file));
        if (access != null) {
            frames.push(new Frame(null, ".htaccess", new SourceLocation(display(file), 1), Frame.Mode.READ, null,
                    access));
        }
    }

    FragmentBuilder fragment() {
        return fragment;
    }

    List<ConfigError> errors() {
        return errors;
    }

    Set<Path> includedFiles() {
        return includedFiles;
    }

    /** Reads {@code content} as the file on top of the include stack. */
    void read(String content) {
        String shown = display(including.peek());
        int base = frames.size();
        for (ConfLine line : ConfLine.split(content)) {
            if (errors.size() >= MAX_ERRORS) {
                return;
            }
            process(line.text(), new SourceLocation(shown, line.line()), base);
        }
        while (frames.size() > base) {
            Frame open = frames.pop();
            if (!open.reported) {
                error(open.location, "<" + open.name, "<" + open.name + "> was not closed.");
            }
        }
    }

    private void process(String raw, SourceLocation location, int base) {
        Frame top = frames.peek();
        String text = raw;
        if (top == null || !top.skipping()) {
            try {
                text = fragment.variables().resolve(raw,
                        name -> fragment.notice(location + ": Config variable ${" + name + "} is not defined"));
            } catch (IllegalArgumentException tooLong) {
                error(location, null, tooLong.getMessage());
                return;
            }
            if (text != raw) {
                text = text.strip(); // Apache reads the first word of the resolved line: blanks before it go
                if (text.isEmpty()) {
                    return; // and a line left blank is no directive at all
                }
            }
        }
        if (top != null && top.skipping() && top.kind != null) {
            soak(top, text);
        } else if (top != null && top.skipping()) {
            if (text.startsWith("</") && top.nested > 0) {
                top.nested--;
            } else if (text.startsWith("</")) {
                close(text, location, base);
            } else if (text.startsWith("<")) {
                top.nested++;
            }
        } else if (text.startsWith("</")) {
            close(text, location, base);
        } else if (text.startsWith("<")) {
            String error = opener.open(text, location);
            if (error != null) {
                error(location, text.split("[\\s>]", 2)[0], error);
            }
        } else {
            directive(text, location);
        }
    }

    /**
     * A line inside a false conditional, as Apache's {@code ap_soak_end_container} reads it: only the sections'
     * nesting is checked, by the first word of each line (a closer's last character taken as its {@code >}).
     */
    private void soak(Frame top, String text) {
        ConfWords words = new ConfWords(text);
        String word = words.next();
        if (word.startsWith("</")) {
            String closing = word.length() > 2 ? word.substring(2, word.length() - 1) : "";
            String expected = top.soaking.isEmpty() ? top.name : top.soaking.peek();
            if (!closing.equalsIgnoreCase(expected)) {
                error(top.location, "<" + top.name, "Expected </" + expected + "> but saw </" + closing + ">");
                // Skipped on without further checks (Apache stops here): the closer taken as the innermost's.
                frames.pop();
                Frame rest = Frame.skip(top.name, top.location);
                rest.nested = Math.max(0, top.soaking.size() - 1);
                rest.reported = true;
                frames.push(rest);
            } else if (top.soaking.isEmpty()) {
                frames.pop();
            } else {
                top.soaking.pop();
            }
        } else if (word.startsWith("<")) {
            String name = word.substring(1);
            boolean alone = words.rest().isBlank();
            top.soaking.push(alone && name.endsWith(">") ? name.substring(0, name.length() - 1) : name);
        }
    }

    private void close(String text, SourceLocation location, int base) {
        String name = text.substring(2).replaceFirst(">.*$", "").strip();
        if (frames.size() <= base) {
            error(location, "</" + name, "</" + name + "> without matching <" + name + "> section");
            return;
        }
        Frame top = frames.peek();
        if (top.name.equalsIgnoreCase(name)) {
            frames.pop();
            return;
        }
        error(location, "</" + name, "Expected </" + top.name + "> but saw </" + name + ">");
        List<Frame> mine = new ArrayList<>(frames).subList(0, frames.size() - base);
        Frame target = mine.stream().filter(f -> f.name.equalsIgnoreCase(name)).findFirst().orElse(top);
        Frame popped;
        do {
            popped = frames.pop();
        } while (popped != target);
    }

    private void directive(String text, SourceLocation location) {
        ConfWords words = new ConfWords(text);
        String name = words.next();
        Directive directive = DirectiveTable.find(name);
        if (directive == null) {
            error(location, name, "Invalid command '" + name + INVALID_COMMAND);
            return;
        }
        Scope scope = scope();
        int level = accessLevel != 0 ? accessLevel
                : scope.section() != null ? Directive.SECTION_LEVEL : Directive.SERVER_LEVEL;
        String error;
        List<String> args = ConfWords.split(words.rest());
        if (!directive.allowedAt(level)) {
            error = Frame.notAllowed(directive.name(), frames);
        } else if (directive.globalOnly() && scope.inVirtualHost()) {
            error = directive.name() + " cannot occur within <VirtualHost> section";
        } else {
            error = directive.shape().check(directive.name(), args, directive.help());
            if (error == null) {
                error = directive.handler().apply(new DirectiveCall(directive, directive.shape().present(args),
                        words.rest(), location, scope));
            }
            if (error != null && !error.startsWith(directive.name())) {
                error = directive.name() + ": " + error;
            }
        }
        if (error != null) {
            error(location, name, error);
        }
    }

    private Scope scope() {
        ServerBuilder server = fragment.main();
        SectionBuilder section = null;
        String limit = null;
        for (Frame f : frames) {
            if (section == null && limit == null && f.limit != null) {
                limit = f.limit;
            }
            if (section == null && f.section != null) {
                section = f.section;
            }
            if (f.server != null) {
                server = f.server;
                break;
            }
        }
        return new Scope(fragment, server, section, limit, this::include);
    }

    /** {@code Include} and {@code IncludeOptional}: reads the named files here and now, in this context. */
    private String include(String pattern, boolean optional) {
        String resolved = fragment.resolve(pattern);
        List<Path> files;
        try {
            files = IncludeResolver.expand(resolved);
        } catch (IOException e) {
            return "Could not open configuration file " + resolved + ": " + e.getMessage();
        }
        if (files.isEmpty()) {
            if (optional) {
                return null;
            }
            if (IncludeResolver.hasWildcard(resolved)) {
                return "No matches for the wildcard '" + resolved + "', failing (use IncludeOptional if required)";
            }
            return "Could not open configuration file " + resolved + ": No such file or directory";
        }
        for (Path file : files) {
            String error = includeFile(normal(file));
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    private String includeFile(Path file) {
        if (including.contains(file)) {
            List<String> chain = new ArrayList<>();
            including.descendingIterator().forEachRemaining(p -> chain.add(display(p)));
            chain.add(display(file));
            return "Recursive inclusion of " + display(file) + " (" + String.join(" -> ", chain) + ")";
        }
        if (including.size() > MAX_INCLUDE_DEPTH) {
            return "Exceeded the maximum include depth of " + MAX_INCLUDE_DEPTH;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return "Could not open configuration file " + file + ": " + e;
        }
        includedFiles.add(file);
        including.push(file);
        read(new String(bytes, StandardCharsets.UTF_8));
        including.pop();
        return null;
    }

    private void error(SourceLocation location, String directive, String message) {
        errors.add(new ConfigError(location, directive, message));
    }

    private Path normal(Path file) {
        return serverRoot.resolve(file).toAbsolutePath().normalize();
    }

    /** A file as errors name it: relative to the server root when inside it. */
    String display(Path file) {
        Path root = serverRoot.toAbsolutePath().normalize();
        Path p = normal(file);
        return p.startsWith(root) && !p.equals(root) ? root.relativize(p).toString() : p.toString();
    }
}
