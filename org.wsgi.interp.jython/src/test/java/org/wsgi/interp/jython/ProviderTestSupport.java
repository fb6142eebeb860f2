package org.wsgi.interp.jython;


import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.wsgi.interp.jython.interp.JythonInterpreterProvider;

/** A fresh provider on the test JVM's one Jython engine for each test; every group torn down afterwards. */
public abstract class ProviderTestSupport {

    protected JythonInterpreterProvider provider;

    @BeforeEach
    void startProvider() {
        provider = new JythonInterpreterProvider(Interpreters.engine());
    }

    @AfterEach
    void stopProvider() {
        provider.retainGroups(g -> false);
    }
}
