package org.wsgi.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.wsgi.api.WsgiRouter;
import org.wsgi.api.WsgiRuntime;
import org.wsgi.api.exec.InterpreterProvider;

/** Our bundles, from the distribution's bundle list alone, resolve, start and provide their services in Felix. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DistributionBundlesIT extends WsgiTestSupport {

    @Inject
    private WsgiRuntime runtime;

    @Inject
    private WsgiRouter router;

    @Inject
    private InterpreterProvider interpreters;

    @Test
    public void everyBundleIsActive() {
        assertEquals(List.of(), bundlesNotActive());
    }

    @Test
    public void servicesAreProvided() {
        assertNotNull(runtime.getRuntimeDTO());
        assertNotNull(router);
        assertNotNull(interpreters.applicationGroups());
    }
}
