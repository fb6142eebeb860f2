package org.wsgi.itest;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.options.DefaultCompositeOption;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * Boots the distribution's bundle list (not its jar) in a plain Felix with a fresh watched folder and a free port.
 * Subclasses get the bundle context, an HTTP client and the deploy folder.
 */
public abstract class WsgiTestSupport {

    static final String DEPLOY_PROPERTY = "wsgi.deploy";
    static final String PORT_PROPERTY = "org.osgi.service.http.port";

    /**
     * slf4j as a user's plain Felix provides it: API and provider as bundles, joined by the ServiceLoader mediator
     * (SPI Fly, with its ASM), started before everything else. The distribution puts slf4j on the framework class
     * path instead ({@code -runpath}), so these are not in its {@code -runbundles}.
     */
    private static final List<String> MEDIATOR = List.of("org.objectweb.asm", "org.objectweb.asm.commons",
            "org.objectweb.asm.tree", "org.objectweb.asm.tree.analysis", "org.objectweb.asm.util",
            "org.apache.aries.spifly.dynamic.bundle");
    private static final List<String> SLF4J = List.of("slf4j.api", "slf4j.simple");

    @Inject
    protected BundleContext context;

    @Configuration
    public Option[] configuration() throws IOException {
        Path deploy = Files.createTempDirectory("wsgi-itest-deploy");
        prepareDeploy(deploy);
        int port = freePort();
        List<Option> options = new ArrayList<>();
        Path jars = Path.of(System.getProperty("wsgi.bundles.dir"));
        List<RunBundles.Entry> entries = new ArrayList<>(RunBundles.named(MEDIATOR, 10, jars));
        entries.addAll(RunBundles.named(SLF4J, 11, jars));
        Path shared = Path.of(System.getProperty("wsgi.bndrun")).getParent().resolve("../cnf/runtime.bndrun")
                .normalize();
        entries.addAll(RunBundles.read(Path.of(System.getProperty("wsgi.bndrun")), shared, jars));
        for (RunBundles.Entry e : entries) {
            options.add(bundle(e.jar().toUri().toString()).startLevel(e.startLevel()).start());
        }
        RunBundles.jettyProperties(shared).forEach((k, v) -> options.add(systemProperty(k).value(v)));
        return new Option[] {
                cleanCaches(true),
                frameworkStartLevel(30),
                junitBundles(),
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("INFO"),
                // As the distribution: Jetty stays off until the router's HttpPortConfigurer configures it.
                systemProperty(PORT_PROPERTY).value(String.valueOf(port)),
                systemProperty("wsgi.port").value(String.valueOf(port)),
                systemProperty("org.apache.felix.http.enable").value("false"),
                systemProperty("org.apache.felix.http.host").value("127.0.0.1"),
                systemProperty(DEPLOY_PROPERTY).value(deploy.toString()),
                systemProperty("felix.fileinstall.dir").value(deploy.toString()),
                systemProperty("felix.fileinstall.filter").value(".*\\.jar"),
                systemProperty("felix.fileinstall.optionalImportRefreshScope").value("none"),
                systemProperty("gosh.args").value("--nointeractive"),
                new DefaultCompositeOption(options.toArray(Option[]::new)) };
    }

    /** Fills the watched folder before the framework starts (nothing by default): what the server finds at boot. */
    protected void prepareDeploy(Path deploy) throws IOException {
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Jetty starts once the router configures it (as in the distribution): wait until it listens. */
    @org.junit.Before
    public void waitForHttp() throws Exception {
        int port = Integer.parseInt(context.getProperty(PORT_PROPERTY));
        Deadline.poll(30_000, () -> {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return true;
            }
        }, up -> up);
    }

    protected Path deployDir() {
        return Path.of(context.getProperty(DEPLOY_PROPERTY));
    }

    protected Http http() {
        return new Http(Integer.parseInt(context.getProperty(PORT_PROPERTY)));
    }

    /** Writes a file the way editors do, by replacing it, so the watcher never sees half a file. */
    protected static void write(Path file, String content) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), ".tmp", ".part");
        Files.writeString(tmp, content, java.nio.charset.StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Fails naming every bundle of ours or the distribution's that did not resolve or start. */
    protected List<String> bundlesNotActive() {
        List<String> bad = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (!fragment && b.getState() != Bundle.ACTIVE) {
                bad.add(b.getSymbolicName() + " state=" + b.getState());
            }
        }
        return bad;
    }
}
