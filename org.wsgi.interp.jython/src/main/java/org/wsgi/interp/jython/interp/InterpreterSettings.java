package org.wsgi.interp.jython.interp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.wsgi.api.config.WsgiConfiguration;

/**
 * What an application group's interpreter is made with, from the main server's directives: mod_wsgi applies them when
 * it creates an interpreter, so a change reaches a group when it is made anew ({@link GroupTable#settings}).
 *
 * @param pythonPath {@code WSGIPythonPath}: directories put first on {@code sys.path}, as {@code site.addsitedir}
 *        adds them ({@code .pth} files included); relative ones against the server root
 * @param restrictStdin {@code WSGIRestrictStdin}: {@code sys.stdin} refuses every use (Off, the reference's default:
 *        an empty input, as Apache's {@code /dev/null})
 * @param restrictStdout {@code WSGIRestrictStdout}: {@code sys.stdout} refuses every use (Off: lines go to the log)
 */
public record InterpreterSettings(List<String> pythonPath, boolean restrictStdin, boolean restrictStdout) {

    /** No directive written. */
    public static final InterpreterSettings DEFAULT = new InterpreterSettings(List.of(), false, false);

    public InterpreterSettings {
        pythonPath = List.copyOf(pythonPath);
    }

    /** The settings of a configuration snapshot (the last of each directive in the main server counts). */
    public static InterpreterSettings from(WsgiConfiguration configuration) {
        Map<String, List<List<String>>> directives = configuration.main().settings().directives();
        List<String> path = new ArrayList<>();
        String written = last(directives, "WSGIPythonPath");
        if (written != null) {
            Path root = Path.of(configuration.serverRoot());
            for (String entry : written.split(":")) {
                if (!entry.isEmpty()) {
                    path.add(root.resolve(entry).normalize().toString());
                }
            }
        }
        return new InterpreterSettings(path, "on".equalsIgnoreCase(last(directives, "WSGIRestrictStdin")),
                "on".equalsIgnoreCase(last(directives, "WSGIRestrictStdout")));
    }

    /** {@code WSGIRestrictSignal}: On unless written Off (mod_wsgi's default); read live, not per interpreter. */
    public static boolean restrictSignal(WsgiConfiguration configuration) {
        return !"off".equalsIgnoreCase(last(configuration.main().settings().directives(), "WSGIRestrictSignal"));
    }

    private static String last(Map<String, List<List<String>>> directives, String name) {
        List<List<String>> all = directives.get(name);
        if (all == null || all.isEmpty() || all.get(all.size() - 1).isEmpty()) {
            return null;
        }
        return all.get(all.size() - 1).get(0);
    }
}
