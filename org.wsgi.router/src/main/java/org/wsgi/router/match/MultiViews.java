package org.wsgi.router.match;

import java.io.File;
import java.net.FileNameMap;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.wsgi.api.config.DirectorySettings;

/**
 * mod_negotiation's {@code Options MultiViews} for a name that does not exist: {@code /dir/app} finds the files
 * {@code app.*} in {@code /dir}, keeps those whose every extension {@code MultiviewsMatch} accepts (by default
 * only extensions that name a content type; {@code Handlers} adds those with a handler, {@code Any} takes all) and
 * picks one. Without an {@code Accept} preference to tell variants apart, Apache picks the smallest, then the first
 * by name: that is what is done here.
 */
final class MultiViews {

    private static final FileNameMap TYPES = URLConnection.getFileNameMap();

    /** The variant chosen for a missing name. */
    record Choice(String filename, String uri) {
    }

    private MultiViews() {
    }

    /**
     * @param filename the mapped name that does not exist (byte string)
     * @param uri the request's URI, ending with the part of {@code filename} below its deepest existing directory
     * @param probe the file system
     * @param s the settings of the deepest existing directory (Options, MultiviewsMatch, AddHandler, AddType)
     * @return the variant, or {@code null} when MultiViews is off or nothing fits
     */
    static Choice choose(String filename, String uri, FileProbe probe, DirectorySettings s) {
        if (!Handlers.options(s).contains("multiviews")) {
            return null;
        }
        int slash = filename.lastIndexOf('/');
        int nameEnd = filename.length();
        while (slash > 0 && probe.kind(filename.substring(0, slash)) != FileProbe.Kind.DIRECTORY) {
            nameEnd = slash;
            slash = filename.lastIndexOf('/', slash - 1);
        }
        if (slash <= 0) {
            return null;
        }
        String dir = filename.substring(0, slash + 1);
        String name = filename.substring(slash + 1, nameEnd);
        String rest = filename.substring(nameEnd);
        if (name.isEmpty() || !uri.endsWith(name + rest)) {
            return null;
        }
        String[] entries = new File(UriPath.text(dir)).list();
        if (entries == null) {
            return null;
        }
        Arrays.sort(entries);
        Set<String> match = matchWords(s);
        List<String> variants = new ArrayList<>();
        for (String entry : entries) {
            String e = UriPath.bytes(entry);
            if (e.startsWith(name + ".") && acceptable(e.substring(name.length() + 1), match, s)
                    && probe.kind(dir + e) == FileProbe.Kind.FILE) {
                variants.add(e);
            }
        }
        if (variants.isEmpty()) {
            return null;
        }
        String best = variants.get(0);
        for (String v : variants) {
            if (new File(UriPath.text(dir + v)).length() < new File(UriPath.text(dir + best)).length()) {
                best = v;
            }
        }
        String prefix = uri.substring(0, uri.length() - name.length() - rest.length());
        return new Choice(dir + best + rest, prefix + best + rest);
    }

    private static Set<String> matchWords(DirectorySettings s) {
        List<String> last = Directives.last(s, "MultiviewsMatch");
        if (last == null) {
            return Set.of("negotiatedonly");
        }
        Set<String> words = new java.util.HashSet<>();
        last.forEach(w -> words.add(w.toLowerCase(Locale.ROOT)));
        return words;
    }

    /** Whether every extension of a variant is one MultiviewsMatch lets count. */
    private static boolean acceptable(String extensions, Set<String> match, DirectorySettings s) {
        if (match.contains("any")) {
            return true;
        }
        for (String ext : extensions.toLowerCase(Locale.ROOT).split("\\.")) {
            boolean negotiated = TYPES.getContentTypeFor("x." + ext) != null || addType(s, ext);
            boolean handled = match.contains("handlers") && s.addHandlers().containsKey("." + ext);
            if (!negotiated && !handled) {
                return false;
            }
        }
        return true;
    }

    private static boolean addType(DirectorySettings s, String ext) {
        List<List<String>> all = s.directives().get("AddType");
        if (all == null) {
            return false;
        }
        for (List<String> args : all) {
            for (int i = 1; i < args.size(); i++) {
                String e = args.get(i).toLowerCase(Locale.ROOT);
                if (e.equals(ext) || e.equals("." + ext)) {
                    return true;
                }
            }
        }
        return false;
    }
}
