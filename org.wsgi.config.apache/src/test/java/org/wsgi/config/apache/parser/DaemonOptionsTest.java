package org.wsgi.config.apache.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wsgi.api.config.DaemonProcess;

/** Every {@code WSGIDaemonProcess} option of mod_wsgi 4.9: a valid value is kept, an invalid one refused. */
class DaemonOptionsTest {

    @TempDir
    Path root;

    /** option, a valid value, an invalid value (or null when every value is valid), the complaint. */
    static Stream<Arguments> options() {
        return Stream.of(
                row("user", "#1000", "root", "WSGI process blocked from running as root."),
                row("group", "www-data", "", "Invalid group for WSGI daemon process."),
                row("supplementary-groups", "a,b", null, null),
                row("processes", "2", "0", "Invalid process count for WSGI daemon process."),
                row("threads", "0", "-1", "Invalid thread count for WSGI daemon process."),
                row("umask", "0007", "0009", "Invalid umask for WSGI daemon process."),
                row("chroot", "/jail", "jail", "Invalid chroot directory for WSGI daemon process."),
                row("home", "/srv/app", "srv", "Invalid home directory for WSGI daemon process."),
                row("lang", "en_US.UTF-8", null, null),
                row("locale", "en_US.UTF-8", null, null),
                row("python-home", "/venv", null, null),
                row("python-path", "/a:/b", null, null),
                row("python-eggs", "/tmp/eggs", null, null),
                row("display-name", "%{GROUP}", null, null),
                row("stack-size", "524288", "0", "Invalid stack size for WSGI daemon process."),
                row("maximum-requests", "10000", "-5", "Invalid request count for WSGI daemon process."),
                row("startup-timeout", "15", "x", "Invalid startup timeout for WSGI daemon process."),
                row("shutdown-timeout", "5", "5s", "Invalid shutdown timeout for WSGI daemon process."),
                row("deadlock-timeout", "60", "-1", "Invalid deadlock timeout for WSGI daemon process."),
                row("inactivity-timeout", "0", "", "Invalid inactivity timeout for WSGI daemon process."),
                row("request-timeout", "60", "1.5", "Invalid request timeout for WSGI daemon process."),
                row("graceful-timeout", "15", "-1", "Invalid graceful timeout for WSGI daemon process."),
                row("eviction-timeout", "0", "-1", "Invalid eviction timeout for WSGI daemon process."),
                row("restart-interval", "3600", "-1", "Invalid restart interval for WSGI daemon process."),
                row("connect-timeout", "15", "-1", "Invalid connect timeout for WSGI daemon process."),
                row("socket-timeout", "60", "-1", "Invalid socket timeout for WSGI daemon process."),
                row("queue-timeout", "45", "-1", "Invalid queue timeout for WSGI daemon process."),
                row("listen-backlog", "100", "-1", "Invalid listen backlog for WSGI daemon process."),
                row("socket-user", "www-data", "", "Invalid socket user for WSGI daemon process."),
                row("send-buffer-size", "0", "100", "Send buffer size must be >= 512 bytes, or 0 for system default."),
                row("receive-buffer-size", "512", "511",
                        "Receive buffer size must be >= 512 bytes, or 0 for system default."),
                row("header-buffer-size", "32768", "8191", "Header buffer size must be >= 8192 bytes, or 0 for default."),
                row("response-buffer-size", "65536", "1024",
                        "Response buffer size must be >= 65536 bytes, or 0 for default."),
                row("response-socket-timeout", "10", "-1", "Invalid response socket timeout for WSGI daemon process."),
                row("script-user", "joe", "", "Invalid script user for WSGI daemon process."),
                row("script-group", "joe", "", "Invalid script group for WSGI daemon process."),
                row("cpu-time-limit", "100", "-1", "Invalid CPU time limit for WSGI daemon process."),
                row("cpu-priority", "-5", "low", "Invalid CPU priority for WSGI daemon process."),
                row("memory-limit", "10000000000", "-1", "Invalid memory limit for WSGI daemon process."),
                row("virtual-memory-limit", "0", "lots", "Invalid virtual memory limit for WSGI daemon process."),
                row("server-metrics", "On", "maybe", "Invalid server metrics flag for WSGI daemon process."),
                row("newrelic-config-file", "/etc/newrelic.ini", null, null),
                row("newrelic-environment", "production", null, null));
    }

    private static Arguments row(String option, String valid, String invalid, String complaint) {
        return Arguments.of(option, valid, invalid, complaint);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("options")
    void validatesTheOption(String option, String valid, String invalid, String complaint) {
        Confs confs = new Confs(root);
        DaemonProcess d = confs.configuration("WSGIDaemonProcess g " + option + "=\"" + valid + "\"")
                .daemon("g").orElseThrow();
        assertEquals(Map.of(option, valid), d.options());
        if (invalid != null) {
            assertEquals(List.of("x.conf:1: WSGIDaemonProcess: " + complaint),
                    confs.errors("WSGIDaemonProcess g " + option + "=\"" + invalid + "\""));
        }
    }

    @Test
    void theTableCoversExactlyTheOptionsListed() {
        List<String> names = new ArrayList<>();
        DaemonOptions.names().forEach(names::add);
        assertEquals(options().map(a -> (String) a.get()[0]).sorted().toList(), names.stream().sorted().toList());
    }

    @Test
    void everyOptionTogetherAndTheModelReadsTheNumbers() {
        StringBuilder line = new StringBuilder("WSGIDaemonProcess all");
        options().forEach(a -> line.append(' ').append(a.get()[0]).append("=\"").append(a.get()[1]).append('"'));
        DaemonProcess d = new Confs(root).configuration(line.toString().replace("script-group=\"joe\"", ""))
                .daemon("all").orElseThrow();
        assertEquals(2, d.processes());
        assertEquals(0, d.threads());
        assertEquals(10000, d.maximumRequests());
        assertEquals(60, d.intOption("request-timeout", 0));
        assertEquals(true, d.multiprocess());
        assertEquals(42, d.options().size());
    }

    @Test
    void optionNamesAreCaseSensitiveAndSixPointXOnlyOptionsAreRefused() {
        Confs confs = new Confs(root);
        for (String bad : new String[] {"Threads=1", "interrupt-timeout=5", "switch-interval=0.1",
            "response-flush-delay=5"}) {
            assertEquals(List.of("x.conf:1: WSGIDaemonProcess: Invalid option to WSGI daemon process definition."),
                    confs.errors("WSGIDaemonProcess g " + bad));
        }
    }

    @Test
    void defaultsAndTheLastOfRepeatedOptions() {
        Confs confs = new Confs(root);
        DaemonProcess d = confs.configuration("WSGIDaemonProcess g threads=2 threads=3").daemon("g").orElseThrow();
        assertEquals(3, d.threads());
        assertEquals(1, d.processes());
        assertEquals(false, d.multiprocess());
        assertEquals(0, d.maximumRequests());
    }
}
