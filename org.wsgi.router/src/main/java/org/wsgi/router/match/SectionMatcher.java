package org.wsgi.router.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.wsgi.api.config.AccessFileParser;
import org.wsgi.api.config.DirectorySettings;
import org.wsgi.api.config.Section;

/**
 * Merges the per-directory settings that apply to one request in Apache's order: {@code <Directory>} sections
 * (shortest path first, then the regular-expression ones), then {@code <Files>}, then {@code <Location>} in the
 * order written. Sections are compiled once per configuration snapshot.
 */
final class SectionMatcher {

    private record Compiled(Section section, Pattern regex, String prefix, int depth) {
    }

    private final List<Compiled> directories;
    private final List<Compiled> files;
    private final List<Compiled> locations;

    SectionMatcher(List<Section> sections) {
        List<Compiled> dirs = new ArrayList<>();
        List<Compiled> fs = new ArrayList<>();
        List<Compiled> locs = new ArrayList<>();
        for (Section s : sections) {
            Compiled c = compile(s);
            switch (s.type()) {
                case DIRECTORY -> dirs.add(c);
                case FILES -> fs.add(c);
                case LOCATION -> locs.add(c);
            }
        }
        // Plain directories by depth (stable: same depth keeps written order), regex ones after them.
        dirs.sort(Comparator.comparingInt((Compiled c) -> c.section.regex() ? Integer.MAX_VALUE : c.depth));
        this.directories = List.copyOf(dirs);
        this.files = List.copyOf(fs);
        this.locations = List.copyOf(locs);
    }

    private static Compiled compile(Section s) {
        String p = s.pattern();
        if (s.regex()) {
            return new Compiled(s, Pcre.compile(p), null, 0);
        }
        if (s.type() == Section.Type.DIRECTORY) {
            String dir = p.endsWith("/") ? p : p + "/";
            int depth = (int) dir.chars().filter(ch -> ch == '/').count();
            boolean wild = dir.indexOf('*') >= 0 || dir.indexOf('?') >= 0 || dir.indexOf('[') >= 0;
            return new Compiled(s, wild ? Pattern.compile(glob(dir) + ".*") : null, wild ? null : dir, depth);
        }
        if (s.type() == Section.Type.FILES) {
            return new Compiled(s, Pattern.compile(glob(p)), null, 0);
        }
        return new Compiled(s, null, p, 0);
    }

    /** Apache's fnmatch: {@code *} and {@code ?} never match {@code /}. */
    private static String glob(String g) {
        StringBuilder b = new StringBuilder();
        for (char ch : g.toCharArray()) {
            switch (ch) {
                case '*' -> b.append("[^/]*");
                case '?' -> b.append("[^/]");
                default -> b.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return b.toString();
    }

    /**
     * The settings of one request, or why an access file refuses it.
     *
     * @param accessError an access file's error as Apache logs it ({@code /dir/.htaccess: message}), else
     *        {@code null}
     * @param rewriteDir the directory (byte string, ending in {@code /}) of the context whose mod_rewrite rules
     *        are in effect, which per-directory rewriting strips from the file name; {@code ""} for rules of a
     *        {@code <Files>} or {@code <Location>} section; {@code null} when no section set any
     */
    record Merged(DirectorySettings settings, String accessError, String rewriteDir) {
    }

    /** {@code base} with every section matching the script file and URI merged over it. */
    DirectorySettings merge(DirectorySettings base, String scriptFile, String uri) {
        return merge(base, scriptFile, uri, AccessFiles.NONE).settings();
    }

    /**
     * {@code base} with every section matching the script file and URI merged over it, in Apache's order: for each
     * directory from {@code /} down to the file's, its {@code <Directory>} sections and then its access file (where
     * the {@code AllowOverride} in effect there allows one); then the regular-expression directory sections, the
     * {@code <Files>} sections (those of access files after the configuration's), and {@code <Location>}.
     */
    Merged merge(DirectorySettings base, String scriptFile, String uri, AccessFiles access) {
        DirectorySettings result = base;
        String rewriteDir = null;
        String dir = scriptFile == null ? null : scriptFile.substring(0, scriptFile.lastIndexOf('/') + 1);
        String name = scriptFile == null ? null : scriptFile.substring(scriptFile.lastIndexOf('/') + 1);
        if (dir != null) {
            List<Section> accessFileSections = List.of();
            int next = 0;
            if (access.enabled()) {
                accessFileSections = new ArrayList<>();
                int depth = 0;
                for (int slash = dir.indexOf('/'); slash >= 0; slash = dir.indexOf('/', slash + 1)) {
                    if (slash > 0 && dir.charAt(slash - 1) == '/') {
                        continue; // an empty segment names the same directory again
                    }
                    depth++;
                    for (; next < directories.size() && directories.get(next).depth <= depth
                            && !directories.get(next).section.regex(); next++) {
                        DirectorySettings before = result;
                        result = mergeDirectory(result, directories.get(next), dir);
                        rewriteDir = rewriteSource(before, result, directories.get(next), rewriteDir);
                    }
                    String level = dir.substring(0, slash + 1);
                    java.util.Set<String> overrides = AccessFiles.overrides(result);
                    AccessFileParser.AccessFile file = overrides.isEmpty() ? null : access.read(level, overrides);
                    if (file != null) {
                        if (!file.errors().isEmpty()) {
                            return new Merged(result, AccessFiles.path(level) + ": "
                                    + file.errors().get(0).message(), null);
                        }
                        result = result.merge(file.settings());
                        if (file.settings().directives().containsKey(DirectorySettings.REWRITE)) {
                            rewriteDir = level;
                        }
                        accessFileSections.addAll(file.files());
                    }
                }
            }
            for (; next < directories.size(); next++) {
                DirectorySettings before = result;
                result = mergeDirectory(result, directories.get(next), dir);
                rewriteDir = rewriteSource(before, result, directories.get(next), rewriteDir);
            }
            List<Compiled> fileSections = new ArrayList<>(files);
            accessFileSections.forEach(s -> fileSections.add(compile(s)));
            for (Compiled c : fileSections) {
                if (c.section.regex() ? c.regex.matcher(name).find() : c.regex.matcher(name).matches()) {
                    result = result.merge(c.section.settings());
                    rewriteDir = rewriteSource(c.section.settings(), rewriteDir);
                }
            }
        }
        for (Compiled c : locations) {
            boolean hit = c.regex != null ? c.regex.matcher(uri).find() : locationMatches(uri, c.prefix);
            if (hit) {
                result = result.merge(c.section.settings());
                rewriteDir = rewriteSource(c.section.settings(), rewriteDir);
            }
        }
        return new Merged(result, null, rewriteDir);
    }

    /** A directory section that was merged and brought rewrite rules: its directory is where they apply. */
    private static String rewriteSource(DirectorySettings before, DirectorySettings after, Compiled c, String was) {
        if (before == after || !c.section.settings().directives().containsKey(DirectorySettings.REWRITE)) {
            return was;
        }
        String p = c.section.pattern();
        return p.endsWith("/") ? p : p + "/";
    }

    /** A {@code <Files>} or {@code <Location>} section with rewrite rules: nothing to strip. */
    private static String rewriteSource(DirectorySettings merged, String was) {
        return merged.directives().containsKey(DirectorySettings.REWRITE) ? "" : was;
    }

    private static DirectorySettings mergeDirectory(DirectorySettings result, Compiled c, String dir) {
        boolean hit = c.prefix != null ? dir.startsWith(c.prefix)
                : c.section.regex() ? c.regex.matcher(dir).find() : c.regex.matcher(dir).matches();
        return hit ? result.merge(c.section.settings()) : result;
    }

    private static boolean locationMatches(String uri, String location) {
        if (!uri.startsWith(location)) {
            return false;
        }
        return location.endsWith("/") || uri.length() == location.length() || uri.charAt(location.length()) == '/';
    }
}
