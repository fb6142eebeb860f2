package org.wsgi.interp.jython.interp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

import org.python.core.PyException;
import org.python.core.PySystemState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsgi.api.exec.ScriptTarget;
import org.wsgi.api.exec.WsgiException;
import org.wsgi.api.runtime.ScriptDTO;
import org.wsgi.interp.jython.gateway.RequestLog;
import org.wsgi.interp.jython.gateway.Tracebacks;

/**
 * One script file in one application group: its current {@link LoadedScript} and its counters.
 * <p>
 * Concurrency: {@link #loaded} is read without a lock by every request; it is only written while
 * {@link #loadLock} is held, so at most one thread of the group executes this file at a time, and requests already
 * running keep the {@code LoadedScript} they read. A failed load leaves {@code null}, so the next request tries
 * again.
 */
final class ScriptSlot {

    private static final Logger LOG = LoggerFactory.getLogger(ScriptSlot.class);

    private final Path script;
    private final String module;
    private final ReentrantLock loadLock = new ReentrantLock();
    private volatile LoadedScript loaded;
    /** Set by {@link #markStale()}: the next request reloads whatever the modification time says. */
    private volatile boolean stale;
    private final LongAdder requests = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private volatile String lastError;

    ScriptSlot(Path script) {
        this.script = script;
        this.module = ScriptLoader.moduleName(script);
    }

    /**
     * The script to run for this request: the loaded one, or a fresh execution when there is none yet, when
     * {@link ScriptTarget#reloading()} is on and the file's modification time differs from the loaded one, or when
     * the group was asked to reload.
     */
    LoadedScript current(ScriptTarget target, PySystemState sys, RequestLog log) throws WsgiException {
        LoadedScript s = loaded;
        if (s != null && !stale && (!target.reloading() || s.mtime().toMillis() == mtime(target))) {
            return s;
        }
        loadLock.lock();
        try {
            s = loaded;
            FileTime mtime = FileTime.fromMillis(mtime(target));
            if (s != null && !stale && (!target.reloading() || s.mtime().equals(mtime))) {
                return s;
            }
            if (s != null) {
                LOG.info("Reloading WSGI script '{}' in group '{}'", script, target.applicationGroup());
            } else {
                LOG.debug("Loading Python script file '{}' in group '{}'", script, target.applicationGroup());
            }
            stale = false;
            loaded = null;
            try {
                s = ScriptLoader.load(script, module, mtime, sys);
            } catch (PyException e) {
                String headline = "Failed to exec Python script file '" + script + "'.";
                log.failure(headline, e);
                throw new WsgiException(500, headline, e);
            } catch (IOException e) {
                throw notFound(e);
            }
            loaded = s;
            return s;
        } finally {
            loadLock.unlock();
        }
    }

    /**
     * The script's modification time in milliseconds: as the router saw it while routing this request (one
     * {@code stat} per request, not two), else read now.
     */
    private long mtime(ScriptTarget target) throws WsgiException {
        if (target.modified() >= 0) {
            return target.modified();
        }
        try {
            return Files.getLastModifiedTime(script).toMillis();
        } catch (IOException e) {
            throw notFound(e);
        }
    }

    private WsgiException notFound(IOException e) {
        return new WsgiException(404, "Target WSGI script not found or unable to stat: " + script, e);
    }

    void markStale() {
        stale = true;
    }

    void countRequest() {
        requests.increment();
    }

    void countError(Throwable failure) {
        errors.increment();
        lastError = failure instanceof WsgiException && failure.getCause() instanceof PyException
                ? failure.getMessage() + " " + Tracebacks.summary(failure.getCause())
                : Tracebacks.summary(failure);
    }

    ScriptDTO toDTO() {
        ScriptDTO dto = new ScriptDTO();
        dto.path = script.toString();
        dto.module = module;
        LoadedScript s = loaded;
        if (s != null) {
            dto.loaded = s.loadedAt();
            dto.mtime = s.mtime().toMillis();
        }
        dto.requests = requests.sum();
        dto.errors = errors.sum();
        dto.lastError = lastError;
        return dto;
    }
}
