package org.wsgi.interp.jython.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsgi.api.exec.InterpreterProvider;
import org.wsgi.api.exec.ScriptTarget;
import org.wsgi.api.exec.WsgiException;
import org.wsgi.api.exec.WsgiExchange;
import org.wsgi.api.runtime.ApplicationGroupDTO;
import org.wsgi.interp.jython.interp.JythonEngine;
import org.wsgi.interp.jython.interp.JythonInterpreterProvider;

/**
 * The embedded-mode interpreter provider as a service: owns the Jython engine for the life of the component.
 * Immediate, so that Jython's initialisation starts as soon as the bundle does, not when the first consumer binds.
 */
@Component(service = InterpreterProvider.class, configurationPid = JythonProviderComponent.PID, immediate = true)
@Designate(ocd = JythonProviderComponent.Config.class)
public final class JythonProviderComponent implements InterpreterProvider {

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

    @Activate
    void activate(Config config) {
        boolean generatorFinalizers = config.generator_finalizers();
        boolean jsonAccelerator = config.json_accelerator();
        ClassLoader loader = getClass().getClassLoader();
        Thread init = new Thread(() -> {
            try {
                JythonInterpreterProvider p = new JythonInterpreterProvider(new JythonEngine(loader, generatorFinalizers,
                        jsonAccelerator));
                provider.complete(p);
                p.startGlobal();
            } catch (RuntimeException | Error e) {
                LOG.error("Jython could not be initialised; embedded WSGI requests will get 503", e);
                provider.completeExceptionally(e);
            }
        }, "jython-init");
        init.setDaemon(true);
        init.start();
    }

    @Deactivate
    void deactivate() {
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
    public void preload(ScriptTarget target) {
        provider.thenAccept(p -> p.preload(target));
    }

    @Override
    public void retainGroups(Set<String> referenced, boolean keepUnlisted) {
        provider.thenAccept(p -> p.retainGroups(referenced, keepUnlisted));
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
        JythonInterpreterProvider p = provider.getNow(null);
        return p == null ? List.of() : p.applicationGroups();
    }
}
