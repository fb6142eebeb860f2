package org.wsgi.config.apache.internal;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsgi.api.config.ConfigurationListener;
import org.wsgi.api.config.WsgiConfiguration;
import org.wsgi.config.apache.folder.ConfFolder;
import org.wsgi.config.apache.parser.Defines;

/**
 * Watches the deploy folder and delivers every new configuration snapshot to the {@link ConfigurationListener}
 * whiteboard, highest {@code service.ranking} first (the router ranks itself above the group lifecycle, so a
 * snapshot is routed before the groups it no longer references are torn down). One single-threaded executor does
 * all scanning and all deliveries, so a listener is never called concurrently and always sees increasing
 * generations.
 */
@Component(immediate = true, service = ConfFolderComponent.class, configurationPid = ConfFolderComponent.PID)
@Designate(ocd = ConfFolderComponent.Config.class)
public class ConfFolderComponent {

    static final String PID = "org.wsgi.config.apache";
    private static final Logger LOG = LoggerFactory.getLogger(ConfFolderComponent.class);

    @ObjectClassDefinition(name = "mod_wsgi watched folder")
    public @interface Config {
        @AttributeDefinition(description = "Folder of *.conf files; default: the wsgi.deploy framework property, "
                + "else ./deploy")
        String dir() default "";

        @AttributeDefinition(description = "Milliseconds between scans of the folder")
        long poll_ms() default 200;
    }

    private final ConfFolder folder;

    /** The watched folder: configured, else the {@code wsgi.deploy} framework property, else {@code ./deploy}. */
    static Path folder(BundleContext context, Config config) {
        String dir = !config.dir().isEmpty() ? config.dir()
                : context.getProperty("wsgi.deploy") != null ? context.getProperty("wsgi.deploy") : "deploy";
        return Path.of(dir);
    }
    private final ScheduledExecutorService executor;
    /**
     * By ranking, highest first, then in registration order. Keyed by the ranking a listener had when bound, not
     * by its live ServiceReference, whose order changes with its properties and would corrupt the sorted map.
     */
    private final ConcurrentNavigableMap<Rank, ConfigurationListener> listeners = new ConcurrentSkipListMap<>();

    /** A listener's place: higher ranking first, then lower service id (earlier registration) first. */
    private record Rank(int ranking, long id) implements Comparable<Rank> {
        static Rank of(ServiceReference<?> ref) {
            Object r = ref.getProperty(Constants.SERVICE_RANKING);
            return new Rank(r instanceof Integer ? (Integer) r : 0, (Long) ref.getProperty(Constants.SERVICE_ID));
        }

        @Override
        public int compareTo(Rank o) {
            return ranking != o.ranking ? Integer.compare(o.ranking, ranking) : Long.compare(id, o.id);
        }
    }
    private volatile WsgiConfiguration current;
    /** What the live configuration leaves defined, for access files; set before a snapshot is delivered. */
    private volatile Defines defines = Defines.NONE;
    /** The last failure to read the folder, logged once; touched by the watcher thread only. */
    private String readError;

    @Activate
    public ConfFolderComponent(BundleContext context, Config config) {
        // A rejected file is an error; a notice (a directive accepted but acting differently here) a warning.
        this.folder = new ConfFolder(folder(context, config), line -> LOG.error("{}", line),
                line -> LOG.warn("{}", line));
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "wsgi-conf-watcher"));
        LOG.info("Watching {} for *.conf files", folder.directory());
        executor.scheduleWithFixedDelay(this::scan, 0, config.poll_ms(), TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(ServiceReference<ConfigurationListener> ref, ConfigurationListener l) {
        Rank rank = Rank.of(ref);
        listeners.put(rank, l);
        executeQuietly(() -> {
            WsgiConfiguration c = current;
            if (c != null && listeners.get(rank) == l) {
                deliver(l, c);
            }
        });
    }

    void removeListener(ServiceReference<ConfigurationListener> ref) {
        long id = (Long) ref.getProperty(Constants.SERVICE_ID);
        listeners.keySet().removeIf(rank -> rank.id() == id);
    }

    /** The live snapshot, or {@code null} before the first scan finished. */
    public WsgiConfiguration current() {
        return current;
    }

    /** What the live configuration leaves defined ({@code Define}), as access files see it. */
    public Defines defines() {
        return defines;
    }

    public ConfFolder folder() {
        return folder;
    }

    private void scan() {
        try {
            Optional<WsgiConfiguration> fresh = folder.scan();
            if (readError != null) {
                LOG.info("The watched folder {} can be read again", folder.directory());
                readError = null;
            }
            fresh.ifPresent(c -> {
                defines = folder.defines();
                current = c;
                listeners.values().forEach(l -> deliver(l, c));
            });
        } catch (java.io.IOException e) {
            // Said once, not on every scan (five times a second), until it changes or the folder is back.
            if (!e.toString().equals(readError)) {
                readError = e.toString();
                LOG.error("Cannot read the watched folder {}: {}", folder.directory(), readError);
            }
        } catch (RuntimeException e) {
            LOG.error("Scanning {} failed; the current configuration stays live", folder.directory(), e);
        }
    }

    private static void deliver(ConfigurationListener l, WsgiConfiguration c) {
        try {
            l.configurationChanged(c);
        } catch (RuntimeException e) {
            LOG.error("Configuration listener {} failed on generation {}", l, c.generation(), e);
        }
    }

    private void executeQuietly(Runnable r) {
        try {
            ((ExecutorService) executor).execute(r);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("Watcher stopped; not delivering to a late listener");
        }
    }
}
