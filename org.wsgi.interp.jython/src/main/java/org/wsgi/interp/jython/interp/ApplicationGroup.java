package org.wsgi.interp.jython.interp;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.python.core.PyException;
import org.python.core.PySystemState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsgi.api.runtime.ApplicationGroupDTO;
import org.wsgi.api.runtime.ScriptDTO;
import org.wsgi.interp.jython.gateway.Tracebacks;

/**
 * One application group: an isolated Python interpreter state ({@code sys.modules}, {@code sys.path}) and the
 * scripts loaded into it.
 * <p>
 * Life cycle: {@link #active} counts requests inside the group; {@link #CLOSED} means torn down. A request
 * {@link #enter()}s (fails once closed) and {@link #exit()}s; {@link #retire()} marks the group so whichever of
 * retire or the last exit sees zero active requests tears it down, exactly once (the CAS from 0 to {@code CLOSED}).
 * The interpreter state is created on first use under {@link #stateLock}, outside any lock of the group table, so
 * creating one group never blocks requests of another. Code of the group that would end the process has the group
 * discarded instead ({@link ProcessGuard}): its table takes it out and retires it. The state is made with the
 * table's {@link InterpreterSettings} of that moment, which the group remembers ({@link #madeWith()}).
 */
final class ApplicationGroup {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationGroup.class);
    private static final int CLOSED = -1;

    private final String name;
    private final long created = System.currentTimeMillis();
    private final JythonEngine engine;
    private final GroupTable table;
    private volatile InterpreterSettings madeWith;
    private final Object stateLock = new Object();
    private volatile PySystemState state;
    private final ConcurrentMap<Path, ScriptSlot> scripts = new ConcurrentHashMap<>();
    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean retired;
    /** False once the group's code called {@code os._exit}: a process that ends so runs no atexit handlers. */
    private volatile boolean runAtexit = true;

    ApplicationGroup(String name, JythonEngine engine, GroupTable table) {
        this.name = name;
        this.engine = engine;
        this.table = table;
    }

    String name() {
        return name;
    }

    /** The group's interpreter state, created on first use. */
    PySystemState state() {
        PySystemState s = state;
        if (s == null) {
            synchronized (stateLock) {
                s = state;
                if (s == null) {
                    long start = System.nanoTime();
                    InterpreterSettings settings = table.settings();
                    s = engine.newGroupState(name, settings, atexit -> table.discard(this, atexit));
                    madeWith = settings;
                    state = s;
                    LOG.info("Create interpreter '{}' ({} ms)", name, (System.nanoTime() - start) / 1_000_000);
                    if (!settings.equals(table.settings())) {
                        // The settings changed while this state was made, after the table looked for stale groups.
                        table.discard(this, true);
                    }
                }
            }
        }
        return s;
    }

    /** The settings its interpreter state was made with; {@code null} while it has none. */
    InterpreterSettings madeWith() {
        return madeWith;
    }

    ScriptSlot slot(Path script) {
        return scripts.computeIfAbsent(script, ScriptSlot::new);
    }

    /** Counts a request in; {@code false} if the group was already torn down (get a fresh one). */
    boolean enter() {
        for (;;) {
            int n = active.get();
            if (n == CLOSED) {
                return false;
            }
            if (active.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** Counts a request out; the last one out of a retired group tears it down. */
    void exit() {
        if (active.decrementAndGet() == 0 && retired && active.compareAndSet(0, CLOSED)) {
            destroy();
        }
    }

    /** Tears the group down now if idle, else when its last request ends; its atexit handlers run. */
    void retire() {
        retire(true);
    }

    /** {@link #retire()}, running the atexit handlers only if {@code atexit}. */
    void retire(boolean atexit) {
        runAtexit = atexit;
        retired = true;
        if (active.compareAndSet(0, CLOSED)) {
            destroy();
        }
    }

    /** Every script reloads on its next request. */
    void reloadAll() {
        scripts.values().forEach(ScriptSlot::markStale);
    }

    private void destroy() {
        PySystemState s = state;
        if (s == null) {
            return;
        }
        LOG.info("Destroying interpreter '{}'", name);
        try (PythonScope scope = new PythonScope(s, engine.classLoader())) {
            if (runAtexit) {
                s.callExitFunc();
            }
        } catch (PyException e) {
            LOG.error("Exception in atexit handlers of interpreter '{}': {}", name, Tracebacks.summary(e));
            Tracebacks.lines(e).forEach(line -> LOG.error("[group '{}'] {}", name, line));
        } catch (Exception e) {
            LOG.error("Exception in atexit handlers of interpreter '{}'", name, e);
        } finally {
            try {
                s.cleanup();
            } catch (RuntimeException e) {
                LOG.warn("Cleanup of interpreter '{}' failed", name, e);
            }
        }
    }

    ApplicationGroupDTO toDTO() {
        ApplicationGroupDTO dto = new ApplicationGroupDTO();
        dto.name = name;
        dto.created = created;
        dto.scripts = scripts.values().stream().map(ScriptSlot::toDTO).toArray(ScriptDTO[]::new);
        return dto;
    }
}
