package org.wsgi.interp.jython.interp;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.python.core.PyObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsgi.api.exec.InterpreterProvider;
import org.wsgi.api.exec.ScriptTarget;
import org.wsgi.api.exec.WsgiException;
import org.wsgi.api.exec.WsgiExchange;
import org.wsgi.api.runtime.ApplicationGroupDTO;
import org.wsgi.interp.jython.gateway.Environ;
import org.wsgi.interp.jython.gateway.RequestLog;
import org.wsgi.interp.jython.gateway.WsgiGateway;

/**
 * mod_wsgi's embedded mode on Jython: application groups as isolated interpreter states, scripts loaded and reloaded
 * per group, requests run through the PEP 3333 gateway. Thread-safe; requests of one group never wait for another
 * group, and within a group only a (re)load of the same script makes requests wait.
 */
public final class JythonInterpreterProvider implements InterpreterProvider, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JythonInterpreterProvider.class);

    private final JythonEngine engine;
    private final GroupTable groups;
    private final WsgiGateway gateway = new WsgiGateway();
    /** Builds the environ of hook script calls. */
    private final Environ hookEnviron = new Environ();

    public JythonInterpreterProvider(JythonEngine engine) {
        this.engine = engine;
        this.groups = new GroupTable(engine);
    }

    /**
     * Creates the interpreter state of %{GLOBAL} now rather than on its first request, as mod_wsgi's main
     * interpreter exists from start-up: the host calls this before the provider takes requests or pre-loads, so
     * that it is the first interpreter made.
     */
    public void startGlobal() {
        groups.startGlobal();
    }

    @Override
    public void execute(ScriptTarget target, WsgiExchange exchange) throws WsgiException {
        ApplicationGroup group = groups.enter(target.applicationGroup());
        try (PythonScope scope = new PythonScope(group.state(), engine.classLoader())) {
            RequestLog log = new RequestLog(exchange::logTag, group.name());
            ScriptSlot slot = group.slot(target.script());
            slot.countRequest();
            try (RequestLog.Scope bound = log.bind()) {
                LoadedScript script = slot.current(target, group.state(), log);
                PyObject application = script.callable(target.callableObject());
                if (application == null) {
                    throw new WsgiException(404, "Target WSGI script '" + target.script()
                            + "' does not contain WSGI application '" + target.callableObject() + "'.");
                }
                gateway.run(application, target, exchange, log);
            } catch (WsgiException | RuntimeException e) {
                slot.countError(e);
                throw e;
            }
        } finally {
            group.exit();
        }
    }

    @Override
    public Object callHook(ScriptTarget hook, String function, Map<String, String> environ, List<String> args)
            throws WsgiException {
        ApplicationGroup group = groups.enter(hook.applicationGroup());
        try (PythonScope scope = new PythonScope(group.state(), engine.classLoader())) {
            String client = environ.get("REMOTE_ADDR");
            RequestLog log = new RequestLog(client == null ? "[hook]" : "[client " + client + "]", group.name());
            ScriptSlot slot = group.slot(hook.script());
            try (RequestLog.Scope bound = log.bind()) {
                PyObject fn = slot.current(hook, group.state(), log).callable(function);
                if (fn == null) {
                    throw new WsgiException(404, "Target WSGI script '" + hook.script() + "' does not provide '"
                            + function + "'.");
                }
                return HookCall.call(fn, hook, hookEnviron, environ, args, log);
            } catch (WsgiException | RuntimeException e) {
                slot.countError(e);
                throw e;
            }
        } finally {
            group.exit();
        }
    }

    @Override
    public void preload(ScriptTarget target) {
        ApplicationGroup group = groups.enter(target.applicationGroup());
        try (PythonScope scope = new PythonScope(group.state(), engine.classLoader())) {
            ScriptSlot slot = group.slot(target.script());
            try {
                slot.current(target, group.state(), new RequestLog("[preload]", group.name()));
            } catch (WsgiException e) {
                slot.countError(e);
                LOG.error("[group '{}'] {}", group.name(), e.getMessage());
            }
        } finally {
            group.exit();
        }
    }

    @Override
    public void retainGroups(Predicate<ApplicationGroupDTO> keep) {
        groups.retain(keep);
    }

    /**
     * The main server's interpreter directives ({@code WSGIPythonPath}, {@code WSGIRestrictStdin},
     * {@code WSGIRestrictStdout}): groups made with other ones are made anew once their running requests end.
     */
    public void settings(InterpreterSettings settings) {
        if (!settings.equals(groups.settings())) {
            LOG.info("Interpreter settings are now {}: application groups are made anew", settings);
        }
        groups.settings(settings);
    }

    @Override
    public boolean reload(String applicationGroup) {
        return groups.reload(applicationGroup);
    }

    @Override
    public List<ApplicationGroupDTO> applicationGroups() {
        return groups.snapshot();
    }

    /** Tears every group down (their atexit handlers run) and releases Jython's global hooks. */
    @Override
    public void close() {
        groups.retireAll();
        engine.close();
    }
}
