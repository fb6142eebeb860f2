package org.wsgi.router.match;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.wsgi.api.config.AccessFileParser;
import org.wsgi.api.config.AccessFileParser.AccessFile;
import org.wsgi.api.config.ConfigError;
import org.wsgi.api.config.DirectorySettings;
import org.wsgi.api.config.SourceLocation;

/**
 * The {@code .htaccess} files of the directory walk, read only where {@code AllowOverride} lets them count and
 * kept parsed until the file changes (its modification time or size). Thread-safe.
 */
public final class AccessFiles {

    /** No access files at all (a router without the configuration bundle's parser, and most tests). */
    public static final AccessFiles NONE = new AccessFiles(null);

    static final String NAME = ".htaccess";
    private static final int CACHE_LIMIT = 4096;

    private record Cached(long modified, long size, AccessFile file) {
    }

    private final AccessFileParser parser;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public AccessFiles(AccessFileParser parser) {
        this.parser = parser;
    }

    /**
     * Forgets every parsed file: a new configuration may define other names ({@code Define}) that an access file's
     * {@code <IfDefine>} and {@code ${NAME}} read.
     */
    public void forget() {
        cache.clear();
    }

    boolean enabled() {
        return parser != null;
    }

    /** The {@code AllowOverride} classes in effect, lower case; empty for {@code None} (Apache 2.4's default). */
    static Set<String> overrides(DirectorySettings s) {
        List<String> last = Directives.last(s, "AllowOverride");
        if (last == null) {
            return Set.of();
        }
        Set<String> words = new LinkedHashSet<>();
        for (String w : last) {
            String word = w.toLowerCase(Locale.ROOT);
            if (!word.equals("none") && !word.startsWith("nonfatal")) {
                words.add(word);
            }
        }
        return words;
    }

    /**
     * The access file of {@code dir} (a byte-string path ending in {@code /}), or {@code null} when there is none.
     * A file that cannot be read counts as one with an error, as Apache answers 500 for it.
     */
    AccessFile read(String dir, Set<String> overrides) {
        String path = dir + NAME;
        File f = new File(UriPath.text(path));
        long modified = f.lastModified();
        if (modified == 0L && !f.exists()) {
            return null;
        }
        String key = path + "\0" + String.join(",", overrides);
        Cached c = cache.get(key);
        long size = f.length();
        if (c != null && c.modified == modified && c.size == size) {
            return c.file;
        }
        AccessFile parsed;
        try {
            parsed = parser.parse(f.toPath(), Files.readAllBytes(f.toPath()), overrides);
        } catch (IOException e) {
            parsed = new AccessFile(DirectorySettings.EMPTY, List.of(), List.of(new ConfigError(
                    new SourceLocation(f.getPath(), 0), null,
                    "Permission denied: unable to check htaccess file, ensure it is readable")));
        }
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(key, new Cached(modified, size, parsed));
        return parsed;
    }

    /** For messages: the access file of {@code dir} as a path. */
    static Path path(String dir) {
        return Path.of(UriPath.text(dir + NAME));
    }
}
