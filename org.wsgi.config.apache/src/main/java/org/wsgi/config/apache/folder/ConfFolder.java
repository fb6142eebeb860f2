package org.wsgi.config.apache.folder;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.wsgi.api.config.ConfigError;
import org.wsgi.api.config.ConfigFile;
import org.wsgi.api.config.SourceLocation;
import org.wsgi.api.config.WsgiConfiguration;
import org.wsgi.config.apache.parser.Assembly;
import org.wsgi.config.apache.parser.ConfAssembler;
import org.wsgi.config.apache.parser.ConfParser;
import org.wsgi.config.apache.parser.Defines;
import org.wsgi.config.apache.parser.ParsedFile;

/**
 * The watched folder as a configuration source: every top-level {@code *.conf} file is a unit. Each
 * {@link #scan()} looks for added, changed and removed files (and changes to the files they include), parses what
 * changed, and builds a new snapshot when anything did. A file with any error is rejected whole and its last good
 * version keeps serving. Not thread-safe: one thread scans.
 */
public final class ConfFolder {

    private final Path dir;
    private final ConfParser parser;
    private final Consumer<String> log;
    private final Consumer<String> notices;
    /** Top-level file to what was seen of it; includes every file ever seen until it disappears. */
    private final Map<Path, FileState> seen = new HashMap<>();
    /**
     * Top-level file to the defines it was last read with: a file is read again when the files before it (in name
     * order, as Apache reads {@code IncludeOptional dir/*.conf}) define something else.
     */
    private final Map<Path, Defines> readWith = new HashMap<>();
    /** Top-level file to its live (applied) parse. */
    private final Map<Path, ParsedFile> applied = new TreeMap<>();
    /** Top-level file to its latest state for the runtime view. */
    private final Map<Path, ConfigFile> states = new TreeMap<>();
    private long generation;
    private WsgiConfiguration current;

    /**
     * @param dir the watched folder, also the ServerRoot relative paths resolve against
     * @param errorLog where rejections and notices are reported, one line each
     */
    public ConfFolder(Path dir, Consumer<String> errorLog) {
        this(dir, errorLog, errorLog);
    }

    /**
     * @param errorLog where rejections are reported, one line each
     * @param noticeLog where notices are reported (what an accepted file's directives do differently here)
     */
    public ConfFolder(Path dir, Consumer<String> errorLog, Consumer<String> noticeLog) {
        this.dir = dir.toAbsolutePath().normalize();
        this.parser = new ConfParser(this.dir);
        this.log = errorLog;
        this.notices = noticeLog;
    }

    public Path directory() {
        return dir;
    }

    /**
     * Looks at the folder once.
     *
     * @return the new snapshot if anything changed since the last scan (including a rejection), else empty
     */
    public Optional<WsgiConfiguration> scan() throws IOException {
        Optional<WsgiConfiguration> result = scanOnce();
        // A file rejected when the whole was assembled leaves the files after it read with its defines: read them
        // again with those of the version that serves, before anything is published (bounded: each round can only
        // reject more).
        for (int round = 0; round < 3 && result.isPresent() && chainStale(); round++) {
            result = scanOnce().or(() -> Optional.of(current));
        }
        return result;
    }

    /** What the serving versions of the files, read in name order, leave defined: what access files see. */
    public Defines defines() {
        Defines defines = Defines.NONE;
        for (ParsedFile live : applied.values()) {
            defines = live.definesOut();
        }
        return defines;
    }

    /** Whether some file was read with other defines than the serving versions of the files before it leave. */
    private boolean chainStale() {
        Defines defines = Defines.NONE;
        for (Path file : new java.util.TreeSet<>(seen.keySet())) {
            if (!defines.equals(readWith.get(file))) {
                return true;
            }
            ParsedFile live = applied.get(file);
            defines = live == null ? defines : live.definesOut();
        }
        return false;
    }

    private Optional<WsgiConfiguration> scanOnce() throws IOException {
        Map<Path, FileState> now = list();
        List<Path> removed = seen.keySet().stream().filter(p -> !now.containsKey(p)).toList();
        for (Path gone : removed) {
            seen.remove(gone);
            readWith.remove(gone);
            applied.remove(gone);
            states.remove(gone);
        }
        boolean changed = !removed.isEmpty() || current == null;
        Map<Path, ParsedFile> fresh = new LinkedHashMap<>();
        Defines defines = Defines.NONE;
        for (Map.Entry<Path, FileState> e : now.entrySet()) {
            Path file = e.getKey();
            FileState before = seen.get(file);
            ParsedFile live = applied.get(file);
            if (before != null && before.stamps().equals(e.getValue().stamps())
                    && defines.equals(readWith.get(file))) {
                defines = live == null ? defines : live.definesOut();
                continue;
            }
            changed = true;
            ParsedFile parsed = parse(file, defines);
            readWith.put(file, defines);
            seen.put(file, stampsOf(file, parsed));
            parsed.notices().forEach(notices);
            if (parsed.errors().isEmpty()) {
                fresh.put(file, parsed);
                defines = parsed.definesOut();
            } else {
                reject(file, parsed.sha256(), parsed.errors());
                defines = live == null ? defines : live.definesOut();
            }
        }
        if (!changed) {
            return Optional.empty();
        }
        assembleWith(fresh);
        return Optional.of(current);
    }

    /** Tries the fresh files on top of the applied ones; a file that breaks the whole is rejected, not applied. */
    private void assembleWith(Map<Path, ParsedFile> fresh) {
        Map<Path, ParsedFile> candidate = new TreeMap<>(applied);
        candidate.putAll(fresh);
        while (true) {
            Assembly a = ConfAssembler.assemble(generation + 1, dir, List.copyOf(candidate.values()), List.of());
            if (a.errorsByFile().isEmpty()) {
                applied.clear();
                applied.putAll(candidate);
                for (ParsedFile p : fresh.values()) {
                    states.put(p.file(), new ConfigFile(p.file().toString(), p.sha256(), true, List.of(), p.sha256()));
                }
                generation++;
                current = withStates(a.configuration());
                return;
            }
            for (Map.Entry<Path, List<ConfigError>> e : a.errorsByFile().entrySet()) {
                Path file = e.getKey();
                ParsedFile tried = candidate.get(file);
                ParsedFile old = applied.get(file);
                if (tried != null && fresh.containsKey(file) && old != null) {
                    candidate.put(file, old);
                } else {
                    candidate.remove(file);
                    applied.remove(file);
                }
                fresh.remove(file);
                reject(file, tried == null ? "" : tried.sha256(), e.getValue());
            }
        }
    }

    private WsgiConfiguration withStates(WsgiConfiguration c) {
        return new WsgiConfiguration(generation, c.serverRoot(), List.copyOf(states.values()), c.main(),
                c.virtualHosts(), c.daemons(), c.importScripts());
    }

    private void reject(Path file, String sha, List<ConfigError> errors) {
        ParsedFile live = applied.get(file);
        states.put(file, new ConfigFile(file.toString(), sha, false, errors, live == null ? null : live.sha256()));
        for (ConfigError e : errors) {
            log.accept(e + (live == null ? " (file rejected)" : " (file rejected; its previous version keeps serving)"));
        }
    }

    private ParsedFile parse(Path file, Defines defines) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            return new ParsedFile(file, "", null, List.of(new ConfigError(new SourceLocation(file.toString(), 0), null,
                    "Could not read configuration file: " + e.getMessage())), java.util.Set.of(), List.of());
        }
        return parser.parse(file, content, defines);
    }

    /** The top-level {@code *.conf} files, in name order, with their own stamps only (includes added on parse). */
    private Map<Path, FileState> list() throws IOException {
        Map<Path, FileState> result = new TreeMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.conf")) {
            for (Path p : ds) {
                if (!Files.isRegularFile(p) || p.getFileName().toString().startsWith(".")) {
                    continue;
                }
                FileState before = seen.get(p);
                Map<Path, FileState.Stamp> stamps = new TreeMap<>();
                stamps.put(p, stamp(p));
                if (before != null) {
                    before.stamps().keySet().stream().filter(x -> !x.equals(p)).forEach(x -> stamps.put(x, stamp(x)));
                }
                result.put(p, new FileState(p, stamps));
            }
        }
        return result;
    }

    private FileState stampsOf(Path file, ParsedFile parsed) {
        Map<Path, FileState.Stamp> stamps = new TreeMap<>();
        stamps.put(file, stamp(file));
        parsed.includedFiles().forEach(x -> stamps.put(x, stamp(x)));
        return new FileState(file, stamps);
    }

    private static FileState.Stamp stamp(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return new FileState.Stamp(a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS), a.size());
        } catch (IOException e) {
            return FileState.Stamp.MISSING;
        }
    }
}
