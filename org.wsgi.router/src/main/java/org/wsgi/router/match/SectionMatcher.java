package org.wsgi.router.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

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
            return new Compiled(s, Pattern.compile(p), null, 0);
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

    /** {@code base} with every section matching the script file and URI merged over it. */
    DirectorySettings merge(DirectorySettings base, String scriptFile, String uri) {
        DirectorySettings result = base;
        String dir = scriptFile == null ? null : scriptFile.substring(0, scriptFile.lastIndexOf('/') + 1);
        String name = scriptFile == null ? null : scriptFile.substring(scriptFile.lastIndexOf('/') + 1);
        if (dir != null) {
            for (Compiled c : directories) {
                boolean hit = c.prefix != null ? dir.startsWith(c.prefix)
                        : c.section.regex() ? c.regex.matcher(dir).find() : c.regex.matcher(dir).matches();
                if (hit) {
                    result = result.merge(c.section.settings());
                }
            }
            for (Compiled c : files) {
                if (c.section.regex() ? c.regex.matcher(name).find() : c.regex.matcher(name).matches()) {
                    result = result.merge(c.section.settings());
                }
            }
        }
        for (Compiled c : locations) {
            boolean hit = c.regex != null ? c.regex.matcher(uri).find() : locationMatches(uri, c.prefix);
            if (hit) {
                result = result.merge(c.section.settings());
            }
        }
        return result;
    }

    private static boolean locationMatches(String uri, String location) {
        if (!uri.startsWith(location)) {
            return false;
        }
        return location.endsWith("/") || uri.length() == location.length() || uri.charAt(location.length()) == '/';
    }
}
