package org.wsgi.interp.jython.interp;

import java.util.function.Consumer;

import org.python.core.Py;
import org.python.core.PyBuiltinFunctionNarrow;
import org.python.core.PyException;
import org.python.core.PyObject;
import org.python.core.PySystemState;
import org.python.core.imp;
import org.wsgi.interp.jython.gateway.RequestLog;

/**
 * What application code may do to the one process every application group shares. Under Apache an embedded process
 * is one of several and its parent replaces one that ends; here the JVM is the whole server, so:
 * <ul>
 * <li>{@code signal.signal()}: with {@code WSGIRestrictSignal On}, mod_wsgi's default, a registration is ignored,
 * logged with the caller's stack, and the handler handed back, as mod_wsgi does. Registered, a handler for SIGTERM
 * or SIGINT would replace the JVM's own, and the server would no longer stop when told to.</li>
 * <li>{@code os._exit(n)} and {@code os.kill()} of this process: ending the JVM would end every group. The calling
 * group is discarded instead (torn down once its running requests end, made again by its next request), as the
 * process would be replaced under Apache; {@code _exit} then raises {@code SystemExit}, since it must not return.
 * Only the {@code os} module's functions are guarded: {@code posix} is one Java class shared by every group, so
 * {@code posix._exit}, and Java's own {@code System.exit} called from Python, still end the JVM.</li>
 * </ul>
 * One instance per engine; thread-safe (the setting is volatile, the rest immutable).
 */
public final class ProcessGuard {

    /** What discarding the calling group means; {@code runAtexit} is false where the process would not run them. */
    @FunctionalInterface
    interface GroupExit {
        void discard(boolean runAtexit);
    }

    private static final int SIGKILL = 9;
    private static final long PID = ProcessHandle.current().pid();

    private volatile boolean restrictSignal = true;

    /** {@code WSGIRestrictSignal}: whether {@code signal.signal()} calls are ignored (On, the default). */
    public void restrictSignal(boolean on) {
        restrictSignal = on;
    }

    /** The patch {@code signal} gets when a group first imports it. */
    Consumer<PyObject> signalPatch(String group) {
        return module -> {
            PyObject original = module.__findattr__("signal");
            if (original != null) {
                module.__setattr__("signal", new SignalIntercept(original, group));
            }
        };
    }

    /** Guards {@code os._exit} and {@code os.kill} of a group's state, whose {@code os} is imported already. */
    void guardOs(PySystemState state, String group, GroupExit exit) {
        PyObject os = state.modules.__finditem__("os");
        if (os == null) {
            return;
        }
        if (os.__findattr__("_exit") != null) {
            os.__setattr__("_exit", new ExitGuard(group, exit));
        }
        PyObject kill = os.__findattr__("kill");
        if (kill != null) {
            os.__setattr__("kill", new KillGuard(kill, processGroup(os), group, exit));
        }
    }

    /** {@code signal.signal(signalnum, handler)} under mod_wsgi's restriction. */
    private final class SignalIntercept extends PyBuiltinFunctionNarrow {
        private final PyObject original;
        private final String group;

        SignalIntercept(PyObject original, String group) {
            super("signal", 2, 2, "signal(sig, action) -> action; registrations are ignored under WSGIRestrictSignal");
            this.original = original;
            this.group = group;
        }

        @Override
        public PyObject __call__(PyObject signalnum, PyObject handler) {
            if (!restrictSignal) {
                return original.__call__(signalnum, handler);
            }
            RequestLog.groupWarning(group, "Callback registration for signal " + signalnum + " ignored.");
            PyObject stack = imp.importName("traceback", true).__getattr__("format_stack").__call__();
            for (PyObject entry : stack.asIterable()) {
                for (String line : entry.toString().split("\n")) {
                    if (!line.isEmpty()) {
                        RequestLog.groupWarning(group, line);
                    }
                }
            }
            return handler;
        }
    }

    /** This process's group id, or 0 when {@code os} cannot tell (then every process group counts as ours). */
    private static long processGroup(PyObject os) {
        try {
            PyObject getpgrp = os.__findattr__("getpgrp");
            return getpgrp == null ? 0 : getpgrp.__call__().asLong();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** {@code os._exit(n)}: the group goes, not the process. */
    private static final class ExitGuard extends PyBuiltinFunctionNarrow {
        private final String group;
        private final GroupExit exit;

        ExitGuard(String group, GroupExit exit) {
            super("_exit", 1, 1, "_exit(status): discards the application group (the server's process stays)");
            this.group = group;
            this.exit = exit;
        }

        @Override
        public PyObject __call__(PyObject status) {
            RequestLog.groupWarning(group, "os._exit(" + status + ") would end the server's process: the application"
                    + " group is discarded instead, and made again by its next request.");
            exit.discard(false);
            throw new PyException(Py.SystemExit, status);
        }
    }

    /** {@code os.kill(pid, sig)}: a signal for this process discards the group instead; others are sent. */
    private static final class KillGuard extends PyBuiltinFunctionNarrow {
        private final PyObject original;
        private final long processGroup;
        private final String group;
        private final GroupExit exit;

        KillGuard(PyObject original, long processGroup, String group, GroupExit exit) {
            super("kill", 2, 2, "kill(pid, sig): a signal for the server's own process discards the group instead");
            this.original = original;
            this.processGroup = processGroup;
            this.group = group;
            this.exit = exit;
        }

        @Override
        public PyObject __call__(PyObject pid, PyObject signalnum) {
            long target = pid.asLong();
            int sig = signalnum.asInt();
            // 0 is our process group, -1 every process, -pgrp our group by number (the server usually leads its
            // own); another group is sent to. Signal 0 only probes.
            boolean ours = target == PID || target == 0 || target == -1
                    || target < 0 && (processGroup == 0 || -target == processGroup);
            if (sig == 0 || !ours) {
                return original.__call__(pid, signalnum);
            }
            RequestLog.groupWarning(group, "os.kill(" + pid + ", " + sig + ") would signal the server's process: not"
                    + " sent; the application group is discarded instead, and made again by its next request.");
            exit.discard(sig != SIGKILL);
            return Py.None;
        }
    }
}
