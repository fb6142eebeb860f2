package org.wsgi.config.apache.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.wsgi.api.config.ConfigError;
import org.wsgi.api.config.ConfigFile;
import org.wsgi.api.config.WsgiConfiguration;

/**
 * The text of {@code wsgi:config}: the watched folder, the configuration generation, and each top-level file with
 * its verdict and SHA-256; a rejected file lists every error as {@code file:line: message}.
 */
final class ConfigStatus {

    /** Hex digits of a SHA-256 shown unless the full form is asked for. */
    static final int SHORT_SHA = 12;

    private ConfigStatus() {
    }

    /**
     * @param folder the watched folder
     * @param snapshot the live configuration, or {@code null} before the first scan finished
     * @param fullSha whether to show each SHA-256 in full
     */
    static String format(Path folder, WsgiConfiguration snapshot, boolean fullSha) {
        List<String> lines = new ArrayList<>();
        lines.add("watched folder  " + folder);
        if (snapshot == null) {
            lines.add("generation      none yet (the first scan has not finished)");
            return String.join("\n", lines);
        }
        lines.add("generation      " + snapshot.generation());
        if (snapshot.files().isEmpty()) {
            lines.add("no *.conf files");
        }
        int width = snapshot.files().stream().mapToInt(f -> name(folder, f).length()).max().orElse(0);
        for (ConfigFile file : snapshot.files()) {
            lines.add(line(folder, file, width, fullSha));
            for (ConfigError error : file.errors()) {
                lines.add("    " + error);
            }
        }
        return String.join("\n", lines);
    }

    private static String line(Path folder, ConfigFile file, int width, boolean fullSha) {
        String name = String.format("%-" + width + "s", name(folder, file));
        if (file.applied()) {
            return name + "  applied   " + sha(file.sha256(), fullSha);
        }
        String serving = file.appliedSha256() == null ? "nothing from it serves"
                : "previous version " + sha(file.appliedSha256(), fullSha) + " keeps serving";
        return name + "  rejected  " + sha(file.sha256(), fullSha) + "  (" + serving + ")";
    }

    /** The file relative to the watched folder when inside it, else as recorded. */
    private static String name(Path folder, ConfigFile file) {
        Path p = Path.of(file.path());
        return p.startsWith(folder) && !p.equals(folder) ? folder.relativize(p).toString() : file.path();
    }

    private static String sha(String sha256, boolean full) {
        if (sha256.isEmpty()) {
            return "-";
        }
        return full || sha256.length() <= SHORT_SHA ? sha256 : sha256.substring(0, SHORT_SHA);
    }
}
