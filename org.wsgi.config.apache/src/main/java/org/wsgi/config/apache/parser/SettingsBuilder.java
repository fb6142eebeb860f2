package org.wsgi.config.apache.parser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wsgi.api.config.DirectorySettings;
import org.wsgi.api.config.EnvAction;

/** The per-directory settings of one context while its directives are read. */
final class SettingsBuilder {

    String applicationGroup;
    String processGroup;
    String callableObject;
    Boolean passAuthorization;
    Boolean scriptReloading;
    Boolean chunkedRequest;
    List<String> restrictProcess;
    final List<EnvAction> env = new ArrayList<>();
    Long limitRequestBody;
    String handler;
    final Map<String, String> addHandlers = new LinkedHashMap<>();
    final List<String> options = new ArrayList<>();
    List<String> directoryIndex;
    private final Map<String, List<List<String>>> directives = new LinkedHashMap<>();

    /** Records an occurrence of a directive the model has no typed field for. */
    void store(String name, List<String> args) {
        directives.computeIfAbsent(name, n -> new ArrayList<>()).add(List.copyOf(args));
    }

    DirectorySettings build() {
        Map<String, List<List<String>>> frozen = new LinkedHashMap<>();
        directives.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new DirectorySettings(applicationGroup, processGroup, callableObject, passAuthorization,
                scriptReloading, chunkedRequest, restrictProcess, env, limitRequestBody, handler, addHandlers,
                options, directoryIndex, frozen);
    }

    /**
     * {@code base} with {@code over} written after it, as one context spread over several files: single values
     * of {@code over} win, lists and the occurrences of each stored directive concatenate.
     */
    static DirectorySettings append(DirectorySettings base, DirectorySettings over) {
        DirectorySettings merged = base.merge(over);
        if (base.directives().isEmpty() || over.directives().isEmpty()) {
            return merged;
        }
        Map<String, List<List<String>>> directives = new LinkedHashMap<>(base.directives());
        over.directives().forEach((k, v) -> directives.merge(k, v, (a, b) -> {
            List<List<String>> all = new ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }));
        return new DirectorySettings(merged.applicationGroup(), merged.processGroup(), merged.callableObject(),
                merged.passAuthorization(), merged.scriptReloading(), merged.chunkedRequest(),
                merged.restrictProcess(), merged.env(), merged.limitRequestBody(), merged.handler(),
                merged.addHandlers(), merged.options(), merged.directoryIndex(), directives);
    }
}
