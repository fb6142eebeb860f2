package org.wsgi.router.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsgi.api.config.ConfigurationListener;
import org.wsgi.api.config.WsgiConfiguration;
import org.wsgi.api.exec.InterpreterProvider;
import org.wsgi.api.exec.ScriptTarget;
import org.wsgi.router.lifecycle.GroupPlan;

/**
 * Applies each configuration snapshot to the embedded interpreter: pre-loads what mod_wsgi pre-loads, and lets
 * application groups the configuration no longer references be torn down once their last request ends. Called on
 * the configuration source's single delivery thread.
 */
@Component(service = ConfigurationListener.class)
public class GroupLifecycleComponent implements ConfigurationListener {

    private static final Logger LOG = LoggerFactory.getLogger(GroupLifecycleComponent.class);

    private volatile InterpreterProvider interpreters;
    private volatile WsgiConfiguration last;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setInterpreters(InterpreterProvider p) {
        interpreters = p;
        WsgiConfiguration c = last;
        if (c != null) {
            apply(p, c);
        }
    }

    void unsetInterpreters(InterpreterProvider p) {
        if (interpreters == p) {
            interpreters = null;
        }
    }

    @Override
    public void configurationChanged(WsgiConfiguration configuration) {
        last = configuration;
        InterpreterProvider p = interpreters;
        if (p != null) {
            apply(p, configuration);
        }
    }

    private static void apply(InterpreterProvider p, WsgiConfiguration configuration) {
        GroupPlan plan = GroupPlan.of(configuration);
        p.retainGroups(plan::keeps);
        for (ScriptTarget t : plan.preloads()) {
            LOG.info("Pre-loading '{}' into application group '{}'", t.script(), t.applicationGroup());
            p.preload(t);
        }
    }
}
