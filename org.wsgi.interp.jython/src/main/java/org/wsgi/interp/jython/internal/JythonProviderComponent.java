package org.wsgi.interp.jython.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsgi.api.config.ConfigurationListener;
import org.wsgi.api.config.WsgiConfiguration;
import org.wsgi.api.exec.InterpreterProvider;
import org.wsgi.api.exec.ScriptTarget;
import org.wsgi.api.exec.WsgiException;
import org.wsgi.api.exec.WsgiExchange;
import org.wsgi.api.runtime.ApplicationGroupDTO;
import org.wsgi.interp.jython.interp.JythonEngine;
import org.wsgi.interp.jython.interp.InterpreterSettings;
import org.wsgi.interp.jython.interp.JythonInterpreterProvider;
import org.wsgi.interp.jython.interp.ProcessGuard;

/**
 * The embedded-mode interpreter provider as a service: owns the Jython engine for the life of the component.
 * Immediate, so that Jython's initialisation starts as soon as the bundle does, not when the first consumer binds.
 * It hears the configuration for the directives that are the interpreters' own ({@code WSGIPythonPath},
 * {@code WSGIRestrict*}), ranked between the router (100) and the group lifecycle (0), so that a snapshot's
 * interpreter settings are in place before its pre-loads make groups.
 */
@Component(service = {InterpreterProvider.class, ConfigurationListener.class}, configurationPid = JythonProviderComponent.PID,
        immediate = true, property = "service.ranking:Integer=50")
@Designate(ocd = JythonProviderComponent.Config.class)
public final class JythonProviderComponent implements InterpreterProvider, ConfigurationListener {

    static final String PID = "org.wsgi.interp.jython";
    private static final Logger LOG = LoggerFactory.getLogger(JythonProviderComponent.class);

    @ObjectClassDefinition(name = "WSGI Jython interpreter provider",
            description = "Runs WSGI applications in application groups of an embedded Jython 2.7")
    public @interface Config {
        @AttributeDefinition(description = "Let the JVM finalizer close abandoned Python generators. Off by default:"
                + " generator finalizers promote request garbage to the old generation (GC-NOTES.md)")
        boolean generator_finalizers() default false;

        @AttributeDefinition(description = "Encode json.dumps with indent or sort_keys in Java instead of"
                + " json.encoder's Python generators (same output; off: Jython's pure-Python path)")
        boolean json_accelerator() default true;
    }

    /** Completed by the init thread; Jython's start-up (~0.3 s) overlaps the rest of the framework's. */
    private final CompletableFuture<JythonInterpreterProvider> provider = new CompletableFuture<>();
    private final Object lock = new Object();
    private final ProcessGuard guard = new ProcessGuard();
    /** The last snapshot's interpreter settings, for the provider the init thread makes. */
    private volatile InterpreterSettings settings = InterpreterSettings.DEFAULT;
    /**
     * Pre-loads and retentions asked for before the provider is ready, in the order asked (a future's dependants
     * would run last-registered first: a retention decided before a pre-load would undo it). {@code null} once
     * they have all run; then calls run at once, on the caller's thread. Guarded by {@link #lock}.
     */
    private List<Consumer<JythonInterpreterProvider>> pending = new ArrayList<>();
    /**
     * Tears every group down when the JVM exits on a signal (SIGTERM, Ctrl-C) without the framework being stopped,
     * as the distribution's launcher does: mod_wsgi destroys its interpreters at shutdown, so atexit handlers run.
     * Closing twice (a launcher that stops the framework from its own hook) is harmless.
     */
    private final Thread exitHook = new Thread(this::closeOnExit, "wsgi-interpreters-exit");

    @Activate
    void activate(Config config) {
        boolean generatorFinalizers = config.generator_finalizers();
        boolean jsonAccelerator = config.json_accelerator();
        ClassLoader loader = getClass().getClassLoader();
        Thread init = new Thread(() -> {
            try {
                JythonInterpreterProvider p = new JythonInterpreterProvider(new JythonEngine(loader, generatorFinalizers,
                        jsonAccelerator, guard));
                p.settings(settings);
                p.startGlobal();
                provider.complete(p);
                runPending(p);
            } catch (RuntimeException | Error e) {
                LOG.error("Jython could not be initialised; embedded WSGI requests will get 503", e);
                provider.completeExceptionally(e);
                runPending(null);
            }
        }, "jython-init");
        init.setDaemon(true);
        init.start();
        Runtime.getRuntime().addShutdownHook(exitHook);
    }

    /** The main server's interpreter directives: {@code WSGIRestrictSignal} at once, the others per group. */
    @Override
    public void configurationChanged(WsgiConfiguration configuration) {
        guard.restrictSignal(InterpreterSettings.restrictSignal(configuration));
        InterpreterSettings next = InterpreterSettings.from(configuration);
        settings = next;
        whenReady(p -> p.settings(next));
    }

    private void closeOnExit() {
        if (provider.isDone() && !provider.isCompletedExceptionally()) {
            provider.join().close();
        }
    }

    /** Runs what was asked before {@code p} was ready, and what is asked meanwhile, in order; drops it all if null. */
    private void runPending(JythonInterpreterProvider p) {
        for (;;) {
            List<Consumer<JythonInterpreterProvider>> batch;
            synchronized (lock) {
                batch = pending;
                pending = batch.isEmpty() || p == null ? null : new ArrayList<>();
                if (pending == null) {
                    break;
                }
            }
            batch.forEach(action -> action.accept(p));
        }
    }

    /** Runs {@code action} now if the provider is ready, else queues it; nothing if Jython failed to start. */
    private void whenReady(Consumer<JythonInterpreterProvider> action) {
        synchronized (lock) {
            if (pending != null) {
                pending.add(action);
                return;
            }
        }
        if (!provider.isCompletedExceptionally()) {
            action.accept(provider.join()); // complete: pending is cleared only after it is
        }
    }

    @Deactivate
    void deactivate() {
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException exiting) {
            // the JVM is exiting: the hook closes the provider (again, harmlessly)
        }
        provider.thenAccept(JythonInterpreterProvider::close);
    }

    private JythonInterpreterProvider provider() throws WsgiException {
        try {
            return provider.join();
        } catch (CompletionException | CancellationException e) {
            throw new WsgiException(503, "Jython is not available: " + e.getCause());
        }
    }

    @Override
    public void execute(ScriptTarget target, WsgiExchange exchange) throws WsgiException {
        provider().execute(target, exchange);
    }

    @Override
    public Object callHook(ScriptTarget hook, String function, Map<String, String> environ, List<String> args)
            throws WsgiException {
        return provider().callHook(hook, function, environ, args);
    }

    @Override
    public void preload(ScriptTarget target) {
        whenReady(p -> p.preload(target));
    }

    @Override
    public void retainGroups(Predicate<ApplicationGroupDTO> keep) {
        whenReady(p -> p.retainGroups(keep));
    }

    @Override
    public boolean reload(String applicationGroup) {
        try {
            return provider().reload(applicationGroup);
        } catch (WsgiException e) {
            return false;
        }
    }

    @Override
    public List<ApplicationGroupDTO> applicationGroups() {
        boolean ready = provider.isDone() && !provider.isCompletedExceptionally();
        return ready ? provider.join().applicationGroups() : List.of();
    }
}
