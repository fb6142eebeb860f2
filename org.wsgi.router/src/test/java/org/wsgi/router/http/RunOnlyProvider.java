package org.wsgi.router.http;

import java.util.List;
import java.util.function.Predicate;

import org.wsgi.api.exec.InterpreterProvider;
import org.wsgi.api.exec.ScriptTarget;
import org.wsgi.api.runtime.ApplicationGroupDTO;

/** An interpreter provider for the servlet's tests: it only runs requests; no groups to preload, keep or reload. */
abstract class RunOnlyProvider implements InterpreterProvider {

    @Override
    public void preload(ScriptTarget target) {
    }

    @Override
    public void retainGroups(Predicate<ApplicationGroupDTO> keep) {
    }

    @Override
    public boolean reload(String applicationGroup) {
        return false;
    }

    @Override
    public List<ApplicationGroupDTO> applicationGroups() {
        return List.of();
    }
}
