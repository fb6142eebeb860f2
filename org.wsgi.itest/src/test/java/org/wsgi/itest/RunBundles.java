package org.wsgi.itest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * The distribution's bundle list, read from {@code wsgi.bndrun} ({@code -runbundles}, resolved by the build) and
 * {@code cnf/runtime.bndrun} (start levels), matched to the jars the build copied. The itests boot exactly this
 * list in a plain Felix: proof that our bundles resolve without the exported jar.
 */
final class RunBundles {

    /** One bundle to install. */
    record Entry(String symbolicName, Path jar, int startLevel) {
    }

    private RunBundles() {
    }

    static List<Entry> read(Path bndrun, Path sharedBndrun, Path jarsDir) throws IOException {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (String clause : clauses(instruction(Files.readString(bndrun), "-runbundles"))) {
            String[] parts = clause.split(";", 2);
            wanted.put(parts[0].trim(), parts.length > 1 ? parts[1] : "");
        }
        List<String> levels = clauses(instruction(Files.readString(sharedBndrun), "-runbundles+"));
        Map<String, Path> jars = jarsBySymbolicName(jarsDir);
        List<Entry> result = new ArrayList<>();
        for (String bsn : wanted.keySet()) {
            Path jar = jars.get(bsn);
            if (jar == null) {
                throw new IllegalStateException("wsgi.bndrun runs " + bsn + " but no jar in " + jarsDir + " has it");
            }
            result.add(new Entry(bsn, jar, startLevel(bsn, levels)));
        }
        return result;
    }

    /** The named bundles from the jars the build copied, all at one start level. */
    static List<Entry> named(List<String> symbolicNames, int startLevel, Path jarsDir) throws IOException {
        Map<String, Path> jars = jarsBySymbolicName(jarsDir);
        List<Entry> result = new ArrayList<>();
        for (String bsn : symbolicNames) {
            Path jar = jars.get(bsn);
            if (jar == null) {
                throw new IllegalStateException("no jar in " + jarsDir + " has " + bsn);
            }
            result.add(new Entry(bsn, jar, startLevel));
        }
        return result;
    }

    private static int startLevel(String bsn, List<String> levels) {
        for (String clause : levels) {
            String[] parts = clause.split(";");
            String glob = parts[0].trim();
            boolean hit = glob.endsWith("*") ? bsn.startsWith(glob.substring(0, glob.length() - 1)) : bsn.equals(glob);
            if (hit) {
                for (String p : parts) {
                    if (p.trim().startsWith("startlevel=")) {
                        return Integer.parseInt(p.trim().substring("startlevel=".length()));
                    }
                }
            }
        }
        return 20;
    }

    /**
     * The distribution's launch properties for Jetty ({@code -runproperties.shared} of {@code cnf/runtime.bndrun}):
     * the itests set them as the exported jar's launcher does, before Jetty's classes load.
     */
    static Map<String, String> jettyProperties(Path sharedBndrun) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String clause : clauses(instruction(Files.readString(sharedBndrun), "-runproperties.shared"))) {
            String[] kv = clause.split("=", 2);
            if (kv[0].trim().startsWith("org.eclipse.jetty.") && kv.length == 2) {
                out.put(kv[0].trim(), kv[1].trim());
            }
        }
        return out;
    }

    /** The value of a bnd instruction, continuation lines joined. */
    static String instruction(String bnd, String name) {
        String joined = bnd.replaceAll("\\\\\\r?\\n", "");
        for (String line : joined.split("\\r?\\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        throw new IllegalStateException("no " + name + " instruction");
    }

    /** Splits on commas outside quotes. */
    static List<String> clauses(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (char c : value.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ',') {
                add(out, cur);
                continue;
            }
            cur.append(c);
        }
        add(out, cur);
        return out;
    }

    private static void add(List<String> out, StringBuilder cur) {
        String s = cur.toString().trim();
        if (!s.isEmpty()) {
            out.add(s);
        }
        cur.setLength(0);
    }

    private static Map<String, Path> jarsBySymbolicName(Path dir) throws IOException {
        Map<String, Path> map = new LinkedHashMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.jar")) {
            for (Path jar : ds) {
                try (JarFile jf = new JarFile(jar.toFile())) {
                    Attributes a = jf.getManifest() == null ? null : jf.getManifest().getMainAttributes();
                    String bsn = a == null ? null : a.getValue("Bundle-SymbolicName");
                    if (bsn != null) {
                        map.put(bsn.split(";")[0].trim(), jar);
                    }
                }
            }
        }
        return map;
    }
}
